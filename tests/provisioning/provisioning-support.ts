import type { Harness } from '../support/harness';
import type { SimStateView } from '../../sim/sim-control';

type Headers = { authorization: string };

export async function createBotVia(h: Harness, headers: Headers, tenantId: string, name = 'Reception') {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/bots',
    headers,
    payload: { tenantId, name, locale: 'de-AT', voice: 'elevenlabs:Rachel', greeting: 'Grüß Gott!' },
  });
  if (response.statusCode !== 202) throw new Error(`create bot: ${response.statusCode} ${response.body}`);
  return response.json<{ bot: { id: string }; job: { id: string; workflowId: string; workflowUrl: string } }>();
}

/**
 * A tenant created through the API and verified by a platform admin by hand (bots need a verified tenant); waits
 * until its onboarding workflow has activated it.
 */
export async function createVerifiedTenantVia(
  h: Harness,
  headers: Headers,
  body: { name: string; contactEmail: string },
) {
  const created = await h.app.inject({ method: 'POST', url: '/api/tenants', headers, payload: body });
  if (created.statusCode !== 201) throw new Error(`create tenant: ${created.statusCode} ${created.body}`);
  const tenant = created.json<{ id: string }>();
  const deadline = Date.now() + 30_000;
  for (;;) {
    // The run may still be sending its verification mail; verify answers 409 until it waits for the signal.
    const verify = await h.app.inject({ method: 'POST', url: `/api/tenants/${tenant.id}/verify`, headers });
    const status = (await h.app.inject({ url: `/api/tenants/${tenant.id}`, headers })).json<{ status: string }>()
      .status;
    if (status === 'active') return tenant;
    if (Date.now() > deadline) throw new Error(`tenant still ${status} (verify answered ${verify.statusCode})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls the bot's latest job until it has finished (done, error or canceled). */
export async function finishedJob(h: Harness, headers: Headers, botId: string, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await h.app.inject({ url: `/api/bots/${botId}/provisioning`, headers })).json();
    if (['done', 'error', 'canceled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status}: ${JSON.stringify(job.steps)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForStep(h: Harness, headers: Headers, botId: string, step: string, status: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await h.app.inject({ url: `/api/bots/${botId}/provisioning`, headers })).json();
    if (job.steps?.some((s: { name: string; status: string }) => s.name === step && s.status === status)) return job;
    if (Date.now() > deadline) throw new Error(`step ${step} never became ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the simulator holds for one bot: its app (by name) and numbers (by friendly name prefix). */
export function simResourcesOf(state: SimStateView, bot: { id: string }) {
  const appName = `vp-${bot.id.replace(/-/g, '').slice(0, 24)}`;
  return {
    apps: state.heroku.apps.filter((app) => app.name === appName),
    numbers: state.twilio.numbers.filter((number) => number.friendly_name.startsWith(`vp-bot-${bot.id}`)),
  };
}

export const stepStatuses = (job: { steps: { name: string; status: string }[] }) =>
  Object.fromEntries(job.steps.map((step) => [step.name, step.status]));
