import type { PlanList, PlanView } from '@contracts/billing';
import { apiUrl } from '~/lib/env.server';

const TIMEOUT_MS = 15_000;

const unavailable = () =>
  Response.json(
    {
      title: 'Service Unavailable',
      status: 503,
      detail: 'The price list could not be loaded. Please try again shortly.',
    },
    { status: 503 },
  );

/** The plans a new customer may choose: public, so it is read without the visitor's cookies. */
export async function loadSignupPlans(request: Request): Promise<PlanView[]> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl()}/api/auth/signup-plans`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
  } catch {
    throw unavailable();
  }
  if (!response.ok) throw unavailable();
  return ((await response.json()) as PlanList).items;
}
