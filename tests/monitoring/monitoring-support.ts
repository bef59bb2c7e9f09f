import type { InjectOptions } from 'fastify';
import { bearerFor, makeTenant, makeUser } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';

export type Headers = { authorization: string };

/**
 * A harness whose API reaches ElevenLabs (a simulator's `<url>/elevenlabs`) with tenants' own keys, keeping every
 * log line and every response body it answered, so tests can look for secrets that must never appear in them.
 */
export async function monitoringHarness(elevenLabsUrl: string) {
  const logLines: string[] = [];
  const bodies: string[] = [];
  const h = await createHarness({
    elevenLabsUrl,
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
  });
  const call = async (headers: Headers, options: Omit<InjectOptions, 'headers'>) => {
    const response = await h.app.inject({ ...options, headers });
    bodies.push(response.body);
    return response;
  };
  return { h, logLines, bodies, call };
}

/** A tenant with its admin and a member signed in. */
export async function makeCustomer(h: Harness) {
  const tenant = await makeTenant(h.orm);
  const admin = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', tenant.id));
  const user = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', tenant.id));
  return { tenant, admin, user };
}
