import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { createConversationSyncClient } from '../../temporal/conversation-sync-client';
import { platformWorkflows } from '../support/workflow-bundle';
import {
  bodyOf,
  conversationResult,
  monitoredTenant,
  postWebhook,
  silentConversations,
  startMonitoring,
  type Monitoring,
} from './conversation-support';

/** Re-record with RECORD_HISTORIES=1 only for an intended, versioned change of a workflow. */
const FIXTURES = {
  conversation: path.join(__dirname, '..', 'fixtures', 'conversation.history.bin'),
  syncConversations: path.join(__dirname, '..', 'fixtures', 'sync-conversations.history.bin'),
};

describe('monitoring workflows determinism', () => {
  let m: Monitoring;
  beforeAll(async () => {
    m = await startMonitoring();
  });
  afterAll(() => m.close());

  it('replays a conversation that fetched its recording and a sync that handed one over', async () => {
    const tenant = await monitoredTenant(m);
    const [webhooked, lost] = await silentConversations(m, tenant, { count: 2 });
    // The transcription comes, the audio does not: after the settle window it is fetched.
    expect((await postWebhook(m, tenant, bodyOf('post_call_transcription', webhooked!))).statusCode).toBe(200);
    expect(await conversationResult(m, webhooked!.id)).toMatchObject({ outcome: 'recorded', hasAudio: true });

    const syncs = createConversationSyncClient(m.h.client, m.h.target, { everyMs: 60 * 60_000 });
    const { workflowId } = await syncs.syncNow(tenant.tenantId);
    expect(await m.h.client.workflow.getHandle(workflowId).result()).toMatchObject({ outcome: 'synced', found: 1 });
    expect(await conversationResult(m, lost!.id)).toMatchObject({ outcome: 'recorded' });

    for (const [name, id] of [
      ['conversation', `conversation-${webhooked!.id}`],
      ['syncConversations', workflowId],
    ] as const) {
      const history = await m.h.client.workflow.getHandle(id).fetchHistory();
      if (process.env.RECORD_HISTORIES) {
        writeFileSync(FIXTURES[name], temporal.api.history.v1.History.encode(history).finish());
      }
      await expect(Worker.runReplayHistory(platformWorkflows(), history, id)).resolves.toBeUndefined();
    }
  });

  it.each(Object.entries(FIXTURES))('replays a %s history recorded with an earlier build', async (_name, file) => {
    expect(existsSync(file)).toBe(true);
    const history = temporal.api.history.v1.History.decode(readFileSync(file));
    await expect(Worker.runReplayHistory(platformWorkflows(), history)).resolves.toBeUndefined();
  });
});
