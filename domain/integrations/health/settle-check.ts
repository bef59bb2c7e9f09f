import type { HealthIntegration, IntegrationHealth } from '../../../contracts/integration-health';
import { ElevenLabsFailure } from '../elevenlabs-failure';
import { ProbeFailure } from './probe-failure';

class CheckTimeout extends Error {}

/** The answer of `work`, or a CheckTimeout once `ms` have passed (the work itself is left to finish or fail). */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a check failed, in words fit for the page: only messages written to be shown pass through. */
function failureText(error: unknown, ms: number): string {
  if (error instanceof CheckTimeout) return `No answer within ${Math.round(ms / 100) / 10} s`;
  if (error instanceof ProbeFailure || error instanceof ElevenLabsFailure) return error.message;
  return 'The check failed unexpectedly; see the platform log';
}

/** An integration the tenant has not set up: nothing to check (`status` as the platform recorded it, if at all). */
export const notConfigured = (name: HealthIntegration, status: string | null = null): IntegrationHealth => ({
  name,
  configured: false,
  reachable: false,
  last_sync: null,
  error: null,
  status,
});

/** A provider probe's answer within `ms`, or why there was none (a failure is an outcome here, not an error). */
export async function probeWithin<T>(
  ms: number,
  probe: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await withinTime(probe(), ms) };
  } catch (error) {
    return { ok: false, error: failureText(error, ms) };
  }
}

/**
 * Runs one integration's check within `ms`, never throwing: a check that fails or takes too long is reported as
 * unreachable with the reason, so one slow provider cannot hold the others' answers.
 */
export async function settleCheck(
  name: HealthIntegration,
  ms: number,
  check: () => Promise<IntegrationHealth>,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<IntegrationHealth> {
  try {
    return await withinTime(check(), ms);
  } catch (error) {
    if (!(error instanceof CheckTimeout || error instanceof ProbeFailure)) onUnexpected(error);
    return { name, configured: false, reachable: false, last_sync: null, error: failureText(error, ms), status: null };
  }
}
