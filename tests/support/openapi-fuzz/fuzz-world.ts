import { randomUUID } from 'node:crypto';
import {
  Agent,
  Bot,
  CallLog,
  Integration,
  Invoice,
  ProvisioningJob,
  SupportTicket,
  Tenant,
  User,
} from '../../../db/entities';
import { ELEVENLABS_CALL_PROVIDER } from '../../../contracts/conversation';
import { audioKeyFor } from '../../../domain/conversations/audio-store';
import { WebhookEvent } from '../../../db/entities/webhook-event';
import { DEMO_ADMIN_EMAIL, DEMO_TENANT_SLUG, DEMO_USER_EMAIL } from '../../../domain/seed';
import { inScope } from '../../../db/scope';
import { apiKeyContext } from '../../../domain/integrations/sealed-contexts';
import { createSecretBox } from '../../../domain/secrets/secret-box';
import { bearerFor } from '../factories';
import { createHarness, TEST_SECRET, type Harness } from '../harness';
import { DEMO_PASSWORD, FUZZ_ADMIN, openSeededSchema } from './private-schema';

/** The two callers every request is sent as: between them, every authorised route gets past its permission check. */
export const ACTORS = ['platform_admin', 'customer_admin'] as const;
export type ActorName = (typeof ACTORS)[number];

/** Real rows of the seeded demo tenant, by the resource a path parameter names. */
export interface RealIds {
  tenant: string;
  bot: string;
  user: string;
  ticket: string;
  invoice: string;
  webhook: string;
  agent: string;
  /** The demo tenant's ElevenLabs webhook URL segment (no webhook secret is saved, so posts answer 409). */
  webhookToken: string;
  /** A call of the agent, with a recording in the harness's audio store. */
  callLog: string;
  /** The demo tenant's slug (public branding assets are addressed by it). */
  tenantSlug: string;
  /** A ready export of the demo tenant (its download link's token is not known to the fuzzer). */
  tenantExport: string;
}

export interface FuzzWorld {
  h: Harness;
  actors: Record<ActorName, { authorization: string }>;
  ids: RealIds;
  botNumber: string;
  close(): Promise<void>;
}

/**
 * The API on a private, seeded schema with no worker (a workflow a malformed request started would stay queued,
 * visible to the state check), both callers signed in, and a finished provisioning job for the demo bot so its
 * progress endpoints answer at once.
 */
export async function createFuzzWorld(): Promise<FuzzWorld> {
  const schema = await openSeededSchema();
  // ElevenLabs is wired (at an address nothing answers), so its routes answer as in production, not 503.
  const h = await createHarness({ elevenLabsUrl: 'http://127.0.0.1:9/elevenlabs' });
  const found = await inScope(h.orm, { system: 'test' }, async (em) => {
    const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT_SLUG });
    const bot = await em.findOneOrFail(Bot, { tenantId: tenant.id });
    em.create(ProvisioningJob, {
      tenantId: tenant.id,
      botId: bot.id,
      kind: 'provision',
      status: 'done',
      workflowId: `provision-bot-${bot.id}`,
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    // A failed inbox row of a relay group no relay serves: a replay that got through would show in its table.
    const webhook = em.create(WebhookEvent, {
      provider: 'twilio',
      dedupeKey: 'twilio:CAfuzz:status:completed',
      subjectKey: 'twilio:CAfuzz',
      relayGroup: 'malformed-input-no-relay',
      tenantId: tenant.id,
      payloadSha256: '0'.repeat(64),
      payload: {
        kind: 'signalIfMetered',
        callSid: 'CAfuzz',
        event: { status: 'completed', durationSeconds: 1, at: '' },
      },
      status: 'failed',
      attempts: 10,
      lastError: 'seeded',
      nextAttemptAt: new Date(),
    });
    // A monitored ElevenLabs agent. Its key is sealed for real: a GET with a defective body still lists agents,
    // which opens the key to refresh their details (from an ElevenLabs nothing answers).
    const integrationId = randomUUID();
    const integration = em.create(Integration, {
      id: integrationId,
      tenantId: tenant.id,
      provider: 'elevenlabs',
      status: 'active',
      secretCiphertext: createSecretBox(TEST_SECRET).seal('sk_fuzz_key', apiKeyContext(integrationId)),
      secretHint: '••••fuzz',
      webhookToken: 'fuzzwebhooktoken',
    });
    // No relation is declared between the two entities, so the integration goes in first.
    await em.flush();
    const agent = em.create(Agent, {
      tenantId: tenant.id,
      integrationId: integration.id,
      externalAgentId: `agent_fuzz_${tenant.id}`,
      name: 'Fuzz agent',
    });
    await em.flush();
    const callLog = em.create(CallLog, {
      tenantId: tenant.id,
      agentId: agent.id,
      provider: ELEVENLABS_CALL_PROVIDER,
      externalCallId: `conv_fuzz_${tenant.id}`,
      status: 'completed',
      startedAt: new Date(),
      durationSeconds: 1,
      audioKey: audioKeyFor(tenant.id, `conv_fuzz_${tenant.id}`),
      transcript: [{ speaker: 'user', text: 'fuzz', atSeconds: 0, interrupted: false }],
      transcriptText: 'fuzz',
      analysis: null,
      anonymized: false,
    });
    await em.flush();
    await h.audio!.put(callLog.audioKey!, Buffer.from('ID3 fuzz recording'));
    return {
      ids: {
        tenant: tenant.id,
        bot: bot.id,
        user: (await em.findOneOrFail(User, { email: DEMO_USER_EMAIL })).id,
        ticket: (await em.findOneOrFail(SupportTicket, { tenantId: tenant.id })).id,
        invoice: (await em.find(Invoice, { tenantId: tenant.id }, { limit: 1 }))[0]!.id,
        webhook: webhook.id,
        agent: agent.id,
        webhookToken: integration.webhookToken,
        callLog: callLog.id,
        tenantSlug: tenant.slug,
        tenantExport: (
          await em.execute<Array<{ id: string }>>(
            `insert into tenant_exports (id, tenant_id, status, expires_at, workflow_id, storage_key)
             values (gen_random_uuid(), ?, 'ready', now() + interval '1 day', 'tenant-export-fuzz', 'exports/fuzz.zip')
             returning id`,
            [tenant.id],
          )
        )[0]!.id,
      },
      botNumber: bot.twilioNumber!,
    };
  });
  const actors = {
    platform_admin: await bearerFor(h.app, FUZZ_ADMIN),
    customer_admin: await bearerFor(h.app, { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD }),
  };
  return {
    h,
    actors,
    ...found,
    async close() {
      await h.close();
      await schema.drop();
    },
  };
}
