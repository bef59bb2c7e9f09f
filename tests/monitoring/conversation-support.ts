import type { AddressInfo } from 'node:net';
import { CallLog } from '../../db/entities';
import { inScope } from '../../db/scope';
import { elevenLabsSimControl } from '../../sim/elevenlabs/elevenlabs-control';
import type { ElevenLabsConversation, WebhookType } from '../../sim/elevenlabs/state';
import { elevenLabsSignature, webhookBody } from '../../sim/elevenlabs/webhooks';
import { eventually } from '../support/eventually';
import { makeMonitoredAgent, makeTenant } from '../support/factories';
import { createHarness } from '../support/harness';
import { startTestSimulator } from '../support/test-simulator';

/** A simulator and a harness whose worker, relay and API talk to its ElevenLabs; webhooks settle in a second. */
export async function startMonitoring(options: { listen?: boolean; logLines?: string[] } = {}) {
  const sim = await startTestSimulator();
  const h = await createHarness({
    worker: true,
    simulatorUrl: sim.url,
    elevenLabsUrl: `${sim.url}/elevenlabs`,
    conversationTiming: { settleMs: 1_000 },
    logger: options.logLines && {
      level: 'info',
      stream: { write: (line: string) => void options.logLines!.push(line) },
    },
  });
  // The simulator's generator delivers webhooks over HTTP, so the app listens when a suite plays conversations.
  let appUrl: string | null = null;
  if (options.listen) {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    appUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  }
  return {
    sim,
    h,
    appUrl,
    elevenlabs: elevenLabsSimControl(sim.url),
    async close() {
      await h.close();
      await sim.stop();
    },
  };
}
export type Monitoring = Awaited<ReturnType<typeof startMonitoring>>;

/**
 * A tenant monitoring one agent of its own simulated ElevenLabs workspace: the integration and the agent are
 * inserted directly (sealed with the harness's secret box), as the integrations API would leave them.
 */
export async function monitoredTenant(
  m: Monitoring,
  options: { anonymise?: boolean; status?: 'active' | 'error' } = {},
) {
  const tenant = await makeTenant(m.h.orm);
  const account = await m.elevenlabs.createAccount({ name: tenant.name });
  const agent = await m.elevenlabs.createAgent(account.accountId, { name: 'Front desk' });
  const { integrationId, agentRowId, webhookSecret, webhookToken } = await makeMonitoredAgent(m.h.orm, {
    tenantId: tenant.id,
    apiKey: account.apiKey,
    externalAgentId: agent.agentId,
    agentName: agent.name,
    ...options,
  });
  if (m.appUrl) {
    await m.elevenlabs.setWebhook(account.accountId, {
      url: `${m.appUrl}/api/webhooks/elevenlabs/${webhookToken}`,
      secret: webhookSecret,
    });
  }
  return {
    tenantId: tenant.id,
    integrationId,
    accountId: account.accountId,
    apiKey: account.apiKey,
    agentId: agent.agentId,
    agentRowId,
    webhookSecret,
    webhookToken,
  };
}
export type MonitoredTenant = Awaited<ReturnType<typeof monitoredTenant>>;

/** Conversations that happened on ElevenLabs without any webhook being sent, to post by hand. */
export async function silentConversations(
  m: Monitoring,
  tenant: MonitoredTenant,
  plan: { count?: number; initiationFailureRate?: number } = {},
): Promise<ElevenLabsConversation[]> {
  const played = await m.elevenlabs.playConversations({
    agentId: tenant.agentId,
    count: plan.count ?? 1,
    initiationFailureRate: plan.initiationFailureRate ?? 0,
    webhooks: false,
  });
  return played.conversations.map(({ conversationId }) => m.sim.state.elevenlabs.conversations.get(conversationId)!);
}

/** The body ElevenLabs sends for `type`, byte for byte as the simulator's generator sends it. */
export const bodyOf = (type: WebhookType, conversation: ElevenLabsConversation) =>
  webhookBody(type, conversation, 'Front desk');

/** Posts a body to the tenant's webhook URL, signed with `secret` at `timestamp` (now by default). */
export function postWebhook(
  m: Monitoring,
  tenant: Pick<MonitoredTenant, 'webhookToken' | 'webhookSecret'>,
  body: string,
  options: { secret?: string; timestamp?: number; signature?: string | null } = {},
) {
  const signature =
    options.signature === undefined
      ? elevenLabsSignature(body, options.secret ?? tenant.webhookSecret, options.timestamp)
      : options.signature;
  return m.h.app.inject({
    method: 'POST',
    url: `/api/webhooks/elevenlabs/${tenant.webhookToken}`,
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'elevenlabs-signature': signature }),
    },
    payload: body,
  });
}

/** The inbox rows of a conversation (any tenant's, as platform staff see them). */
export const inboxRowsOf = (m: Monitoring, conversationId: string) =>
  inScope(m.h.orm, { system: 'test' }, (em) =>
    em.execute<{ dedupe_key: string; tenant_id: string; status: string; payload: unknown }[]>(
      `select dedupe_key, tenant_id, status, payload from webhook_events where subject_key = ? order by seq`,
      [`elevenlabs:${conversationId}`],
    ),
  );

/** Every call log of a conversation, whichever tenant holds it (there may be at most one). */
export const callLogsOf = (m: Monitoring, conversationId: string) =>
  inScope(m.h.orm, { system: 'test' }, (em) =>
    em.find(CallLog, { provider: 'elevenlabs', externalCallId: conversationId }),
  );

/** Waits for a conversation's call log to satisfy `accept` and returns it. */
export async function settledCallLog(
  m: Monitoring,
  conversationId: string,
  accept: (log: CallLog) => boolean = (log) => log.audioKey !== null,
): Promise<CallLog> {
  const [log] = await eventually(
    () => callLogsOf(m, conversationId),
    (logs) => logs.length === 1 && accept(logs[0]!),
    { what: `the call log of ${conversationId}` },
  );
  return log!;
}

/** The result of the conversation's latest run, once the relay has started one and it has ended. */
export async function conversationResult(m: Monitoring, conversationId: string) {
  const handle = m.h.client.workflow.getHandle(`conversation-${conversationId}`);
  await eventually(
    () =>
      handle.describe().then(
        () => true,
        () => false,
      ),
    (started) => started,
    { what: `the workflow of ${conversationId}` },
  );
  return handle.result();
}
