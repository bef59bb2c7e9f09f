import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDiskAudioStore } from '../activities/adapters/audio-store-disk';
import { ELEVENLABS_CALL_PROVIDER } from '../contracts/conversation';
import { hasSettledDetails } from '../domain/conversations/conversation-status';
import { readSyncState } from '../domain/conversations/read-sync-state';
import { CallLog } from '../db/entities';
import { inScope } from '../db/scope';
import { elevenLabsSimControl } from '../sim/elevenlabs/elevenlabs-control';
import type { WebhookDelivery } from '../sim/elevenlabs/state';
import { createConversationSyncClient } from '../temporal/conversation-sync-client';
import { createElevenLabsAccounts } from '../temporal/elevenlabs-accounts';
import { makeMonitoredAgent } from '../tests/support/factories';
import { startConversationFloor } from './floor/conversation-floor';
import { startBenchApi } from './support/bench-api';
import { startBenchPlatform } from './support/bench-platform';
import { percentile } from './support/bench-stack';

/** How long a conversation waits for the other half of its webhooks before fetching it (production: minutes). */
const SETTLE_MS = 2_000;
/** Conversations per generator request: the simulator answers once all of a batch's webhooks were sent. */
const BATCH = 250;
const VISIBLE_WITHIN_MS = 30 * 60_000;

function options() {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '5000' },
      loss: { type: 'string', default: '0.1' },
      concurrency: { type: 'string', default: '16' },
    },
  });
  const count = Number(values.conversations);
  const loss = Number(values.loss);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(count) || count < 1 || count > 50_000) throw new Error('--conversations must be 1–50000');
  if (!(loss >= 0 && loss < 1)) throw new Error('--loss must be in [0, 1)');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw new Error('--concurrency must be 1–256');
  return { count, loss, concurrency };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const ratio = (platform: number, floor: number) => (floor > 0 ? (platform / floor).toFixed(2) : '–');
const row = (label: string, floor: string, platform: string, platformOverFloor = '') =>
  console.log(`${label.padEnd(30)}${floor.padEnd(26)}${platform.padEnd(26)}${platformOverFloor}`);

/** Conversations whose call log is settled and described (hasSettledDetails, as the conversation workflow judges). */
async function settledConversations(orm: Parameters<typeof inScope>[0], tenantId: string): Promise<string[]> {
  const rows = await inScope(orm, { tenantId }, (em) =>
    em.find(
      CallLog,
      { tenantId, provider: ELEVENLABS_CALL_PROVIDER },
      { fields: ['externalCallId', 'status', 'transcriptText'] },
    ),
  );
  return rows.filter(hasSettledDetails).map((row) => row.externalCallId);
}

/**
 * `npm run bench:conversations`: ElevenLabs conversations played by the simulator, their post-call webhooks
 * (transcription and audio, 5 % initiation failures, 2 % duplicates, reordered) signed and sent to the tenant's
 * webhook URL with `--loss` of them lost, then one sync that must find what was lost. Prints webhook ack
 * p50/p99, the time until every conversation is visible in the call history, and a correctness line, each next
 * to the raw floor: the same `conversation` workflow signalled directly on the same Temporal server.
 */
async function main({ count, loss, concurrency }: ReturnType<typeof options>): Promise<void> {
  const platform = await startBenchPlatform('Bench conversations', {
    relay: { counterGraceMs: 500, settleMs: SETTLE_MS },
  });
  const { orm, client, target, tenantId } = platform;
  const audioRoot = await mkdtemp(path.join(tmpdir(), 'bench-conversations-audio-'));
  const elevenLabsUrl = `${platform.sim.url}/elevenlabs`;
  const syncs = createConversationSyncClient(client, target, { everyMs: 15 * 60_000 });
  const api = await startBenchApi(platform, {
    counterGraceMs: 500,
    elevenLabs: {
      accounts: createElevenLabsAccounts({ baseUrl: elevenLabsUrl, timeoutMs: 10_000 }),
      syncs,
      audio: createDiskAudioStore(audioRoot),
      webhookToleranceMs: 30 * 60_000,
    },
  });

  // The tenant's integration and agent, as the integrations page leaves them (sealed with the worker's box).
  const control = elevenLabsSimControl(platform.sim.url);
  const account = await control.createAccount({ name: 'Bench workspace' });
  const agent = await control.createAgent(account.accountId, { name: 'Bench agent' });
  const { webhookSecret, webhookToken } = await makeMonitoredAgent(orm, {
    tenantId,
    apiKey: account.apiKey,
    externalAgentId: agent.agentId,
    agentName: agent.name,
  });
  await control.setWebhook(account.accountId, {
    url: `${api.url}/api/webhooks/elevenlabs/${webhookToken}`,
    secret: webhookSecret,
  });

  console.log(
    `${count} conversations, ${(loss * 100).toFixed(0)} % of webhooks lost, ${concurrency} webhooks in flight: the platform first, then the raw floor with the same webhooks…`,
  );
  const started = performance.now();
  const expected: string[] = [];
  const deliveries: WebhookDelivery[] = [];
  for (let done = 0; done < count; done += BATCH) {
    const played = await control.playConversations({
      agentId: agent.agentId,
      count: Math.min(BATCH, count - done),
      seed: done + 1,
      spacingSecs: 1,
      initiationFailureRate: 0.05,
      successRate: 0.8,
      audio: true,
      webhooks: true,
      duplicateRate: 0.02,
      lossRate: loss,
      reorder: true,
      concurrency,
    });
    expected.push(...played.conversations.map((c) => c.conversationId));
    deliveries.push(...played.deliveries);
  }
  const sentAt = performance.now();
  // What the schedule would do within ELEVENLABS_SYNC_EVERY: one sync, now, finds what the webhooks lost.
  await syncs.syncNow(tenantId);
  let visible: string[] = [];
  while (performance.now() - started < VISIBLE_WITHIN_MS) {
    visible = await settledConversations(orm, tenantId);
    if (visible.length >= expected.length) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const visibleAt = performance.now();
  const sent = deliveries.filter((d) => !d.lost);
  const acks = sent.map((d) => d.ms).sort((a, b) => a - b);
  const notOk = sent.filter((d) => d.httpStatus === null || d.httpStatus === 0 || d.httpStatus >= 300).length;
  const lostConversations = [...new Set(deliveries.filter((d) => d.lost).map((d) => d.conversationId))];
  const syncStatus = (await readSyncState({ orm }, { tenantId }))!;

  // The floor: the same webhooks (duplicates included) in the same order, then a `discovered` per conversation
  // that lost one, on the same Temporal server.
  const floor = await startConversationFloor({
    client,
    temporalAddress: platform.temporalAddress,
    settleMs: SETTLE_MS,
  });
  const floorStarted = performance.now();
  const floorAcks = (await floor.deliver(sent, concurrency)).sort((a, b) => a - b);
  const floorSentAt = performance.now();
  await floor.discover(lostConversations);
  while (floor.recorded().size < expected.length && performance.now() - floorStarted < VISIBLE_WITHIN_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const floorVisibleAt = performance.now();
  await floor.stop();

  const [floorAll, platformAll] = [floorVisibleAt - floorStarted, visibleAt - started];
  console.log();
  row('', 'raw floor', 'platform', 'platform/floor');
  for (const p of [50, 99]) {
    const [atFloor, atPlatform] = [percentile(floorAcks, p), percentile(acks, p)];
    row(`ack p${p} (signal | webhook)`, ms(atFloor), ms(atPlatform), ratio(atPlatform, atFloor));
  }
  row('webhooks acknowledged', `${floorAcks.length}`, `${acks.length} (${notOk} not 2xx)`);
  row('webhooks sent in', seconds(floorSentAt - floorStarted), seconds(sentAt - started));
  row('all visible after', seconds(floorAll), seconds(platformAll), ratio(platformAll, floorAll));
  row(
    'conversations/s end to end',
    (expected.length / (floorAll / 1000)).toFixed(1),
    (expected.length / (platformAll / 1000)).toFixed(1),
    ratio(floorAll, platformAll),
  );
  console.log(
    `lost webhooks: ${deliveries.length - sent.length} of ${deliveries.length}, in ${lostConversations.length} conversations; the sync found ${syncStatus.lastFound} conversations missing${syncStatus.lastError ? ` (last error: ${syncStatus.lastError})` : ''}`,
  );

  const expectedSet = new Set(expected);
  const rows = await inScope(orm, { tenantId }, (em) =>
    em.execute<{ external_call_id: string }[]>(
      'select external_call_id from call_logs where tenant_id = ? and provider = ?',
      [tenantId, ELEVENLABS_CALL_PROVIDER],
    ),
  );
  const ids = rows.map((r) => r.external_call_id);
  const idSet = new Set(ids);
  const missing = expected.filter((id) => !idSet.has(id)).length;
  const extra = ids.filter((id) => !expectedSet.has(id)).length;
  const duplicates = ids.length - idSet.size;
  const unsettled = expected.length - visible.length;
  const correct = missing === 0 && extra === 0 && duplicates === 0 && unsettled === 0;
  const floorCorrect = floor.recorded().size === expected.length;
  console.log(
    `floor correctness:   expected ${expected.length} conversations, recorded ${floor.recorded().size} → ${floorCorrect ? 'EQUAL' : 'MISMATCH'}`,
  );
  console.log(
    `correctness:         expected ${expected.length} conversations, call logs ${ids.length} (missing ${missing}, unexpected ${extra}, duplicated ${duplicates}, unsettled ${unsettled}) → ${correct ? 'EXACTLY ONCE' : 'MISMATCH'}`,
  );
  await api.app.close();
  await platform.stop();
  await rm(audioRoot, { recursive: true, force: true });
  if (!correct || !floorCorrect) process.exit(1);
}

let parsed: ReturnType<typeof options>;
try {
  parsed = options();
} catch (error) {
  console.error(`bench:conversations: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
main(parsed).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
