import { buffer } from 'node:stream/consumers';
import type { temporal } from '@temporalio/proto';
import { silentMp3 } from '../../sim/elevenlabs/mp3';
import { createConversationClient } from '../../temporal/conversation-client';
import { eventually } from '../support/eventually';
import {
  bodyOf,
  callLogsOf,
  conversationResult,
  inboxRowsOf,
  monitoredTenant,
  postWebhook,
  settledCallLog,
  silentConversations,
  startMonitoring,
  type MonitoredTenant,
  type Monitoring,
} from './conversation-support';

type Counted = 'elevenlabs.getConversation' | 'elevenlabs.getConversationAudio';

/** Every payload in a workflow's history (input, signals, activity inputs and results) as text. */
function payloadTexts(history: temporal.api.history.v1.IHistory): string {
  const texts: string[] = [];
  const add = (payloads?: temporal.api.common.v1.IPayloads | null) =>
    payloads?.payloads?.forEach((payload) => texts.push(Buffer.from(payload.data ?? []).toString()));
  for (const event of history.events ?? []) {
    add(event.workflowExecutionStartedEventAttributes?.input);
    add(event.workflowExecutionSignaledEventAttributes?.input);
    add(event.activityTaskScheduledEventAttributes?.input);
    add(event.activityTaskCompletedEventAttributes?.result);
    add(event.workflowExecutionCompletedEventAttributes?.result);
  }
  return texts.join('\n');
}

/**
 * The conversation workflow (`conversation-<id>`): post-call events in any order, duplicates, the parts a lost
 * webhook did not bring fetched from ElevenLabs with the tenant's key, initiation failures, anonymisation.
 */
describe('conversation workflow', () => {
  let m: Monitoring;
  let tenant: MonitoredTenant;
  beforeAll(async () => {
    m = await startMonitoring({ listen: true });
    tenant = await monitoredTenant(m);
  });
  afterAll(() => m.close());

  /** How many requests of a kind the simulator served while `work` ran. */
  const counting = async <T>(operation: Counted, work: () => Promise<T>): Promise<[T, number]> => {
    const before = m.sim.state.requestCounts[operation] ?? 0;
    const result = await work();
    return [result, (m.sim.state.requestCounts[operation] ?? 0) - before];
  };
  const stored = async (key: string) => buffer((await m.h.audio!.read(key))!);

  it('merges audio before transcription and a duplicate transcription into one complete call log', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const id = conversation!.id;
    const [log, fetched] = await counting('elevenlabs.getConversationAudio', async () => {
      expect((await postWebhook(m, tenant, bodyOf('post_call_audio', conversation!))).statusCode).toBe(200);
      const transcription = bodyOf('post_call_transcription', conversation!);
      expect((await postWebhook(m, tenant, transcription)).statusCode).toBe(200);
      // ElevenLabs sending it again is a new request (its own signature time), the same event.
      const again = await postWebhook(m, tenant, transcription, { timestamp: Math.floor(Date.now() / 1000) - 5 });
      expect(again.statusCode).toBe(200);
      return settledCallLog(m, id, (row) => row.audioKey !== null && row.transcript !== null);
    });
    expect(fetched).toBe(0);
    expect((await inboxRowsOf(m, id)).map((row) => row.dedupe_key)).toEqual([
      `elevenlabs:post_call_audio:${id}`,
      `elevenlabs:post_call_transcription:${id}`,
    ]);
    expect(log).toMatchObject({
      status: 'completed',
      audioKey: `${tenant.tenantId}/${id}.mp3`,
      durationSeconds: conversation!.durationSecs,
    });
    expect(log.transcriptText).toContain(conversation!.transcript[1]!.message);
    expect((await stored(log.audioKey!)).equals(silentMp3(conversation!.durationSecs, id))).toBe(true);
    expect(await conversationResult(m, id)).toMatchObject({ outcome: 'recorded', writes: 1, hasAudio: true });
  });

  it('fetches the recording a lost audio webhook did not bring; a late audio webhook then merges into it', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const id = conversation!.id;
    const [log, fetched] = await counting('elevenlabs.getConversationAudio', async () => {
      expect((await postWebhook(m, tenant, bodyOf('post_call_transcription', conversation!))).statusCode).toBe(200);
      return settledCallLog(m, id);
    });
    expect(fetched).toBe(1);
    expect((await stored(log.audioKey!)).equals(silentMp3(conversation!.durationSecs, id))).toBe(true);
    const first = await m.h.client.workflow.getHandle(`conversation-${id}`).describe();
    expect(await conversationResult(m, id)).toMatchObject({ outcome: 'recorded', writes: 1 });

    // The audio webhook comes after all: a new run of the same conversation merges it, fetching nothing.
    const [, details] = await counting('elevenlabs.getConversation', async () => {
      expect((await postWebhook(m, tenant, bodyOf('post_call_audio', conversation!))).statusCode).toBe(200);
      await eventually(
        () => m.h.client.workflow.getHandle(`conversation-${id}`).describe(),
        (run) => run.runId !== first.runId && run.status.name === 'COMPLETED',
        { what: 'a second run of the conversation' },
      );
    });
    expect(details).toBe(0);
    expect(await conversationResult(m, id)).toMatchObject({ outcome: 'recorded', writes: 1 });
    const logs = await callLogsOf(m, id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ audioKey: log.audioKey, transcriptText: log.transcriptText, status: 'completed' });
  });

  it('fetches the details when only the audio webhook arrived', async () => {
    const [conversation] = await silentConversations(m, tenant);
    const [log, fetched] = await counting('elevenlabs.getConversation', async () => {
      expect((await postWebhook(m, tenant, bodyOf('post_call_audio', conversation!))).statusCode).toBe(200);
      return settledCallLog(m, conversation!.id, (row) => row.transcript !== null);
    });
    expect(fetched).toBe(1);
    expect(log).toMatchObject({
      status: 'completed',
      summary: conversation!.analysis!.summary,
      audioKey: `${tenant.tenantId}/${conversation!.id}.mp3`,
    });
  });

  it('records calls that never connected as busy, no-answer or failed, with no recording to fetch', async () => {
    const [played, audioFetches] = await counting('elevenlabs.getConversationAudio', async () => {
      const result = await m.elevenlabs.playConversations({
        agentId: tenant.agentId,
        count: 6,
        initiationFailureRate: 1,
        seed: 11,
        concurrency: 3,
      });
      expect(result.deliveries.every((delivery) => delivery.httpStatus === 200)).toBe(true);
      for (const { conversationId } of result.conversations) {
        await settledCallLog(m, conversationId, (row) => row.toNumber !== null);
      }
      return result;
    });
    expect(audioFetches).toBe(0);
    const expected = { busy: 'busy', 'no-answer': 'no-answer', unknown: 'failed' } as const;
    const seen = new Set<string>();
    for (const { conversationId } of played.conversations) {
      const simulated = m.sim.state.elevenlabs.conversations.get(conversationId)!;
      const reason = simulated.initiationFailure!.reason;
      seen.add(reason);
      const [log] = await callLogsOf(m, conversationId);
      expect(log).toMatchObject({
        status: expected[reason],
        failureReason: reason,
        audioKey: null,
        durationSeconds: 0,
        direction: 'outbound',
        fromNumber: simulated.phoneCall.agentNumber,
        toNumber: simulated.phoneCall.externalNumber,
      });
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('anonymises for a tenant that asks: no numbers, masked text, nothing personal in the inbox or history', async () => {
    const anonymous = await monitoredTenant(m, { anonymise: true });
    const [byWebhook, byFetch] = await silentConversations(m, anonymous, { count: 2 });
    expect((await postWebhook(m, anonymous, bodyOf('post_call_transcription', byWebhook!))).statusCode).toBe(200);
    expect((await postWebhook(m, anonymous, bodyOf('post_call_audio', byWebhook!))).statusCode).toBe(200);
    // Only the audio: the details are fetched from ElevenLabs, and masked before Temporal records them.
    expect((await postWebhook(m, anonymous, bodyOf('post_call_audio', byFetch!))).statusCode).toBe(200);

    for (const conversation of [byWebhook!, byFetch!]) {
      const log = await settledCallLog(m, conversation.id, (row) => row.transcript !== null);
      const name = conversation.analysis!.dataCollection.find((item) => item.id === 'caller_name')!.value as string;
      expect(log).toMatchObject({ fromNumber: null, toNumber: null, anonymized: true, status: 'completed' });
      expect(log.summary).toContain('[redacted]');
      const personal = [name, conversation.phoneCall.externalNumber];
      const history = await m.h.client.workflow.getHandle(`conversation-${conversation.id}`).fetchHistory();
      const places = {
        callLog: JSON.stringify(log),
        inbox: JSON.stringify((await inboxRowsOf(m, conversation.id)).map((row) => row.payload)),
        temporal: payloadTexts(history),
      };
      expect(places.temporal).toContain(conversation.id);
      for (const [place, text] of Object.entries(places)) {
        for (const value of personal) expect({ place, found: text.includes(value) }).toEqual({ place, found: false });
      }
    }
  });

  it('ends without a call log for a conversation ElevenLabs does not know', async () => {
    const conversations = createConversationClient(m.h.client, m.h.target, { settleMs: 100 });
    const start = {
      tenantId: tenant.tenantId,
      conversationId: 'conv_nobody_knows_this_one',
      agentId: tenant.agentRowId,
    };
    await conversations.deliver(start, { type: 'discovered' });
    expect(await conversationResult(m, start.conversationId)).toEqual({
      outcome: 'not_found',
      status: null,
      hasAudio: false,
      writes: 0,
    });
    expect(await callLogsOf(m, start.conversationId)).toEqual([]);
  });

  it('writes what it has and fails visibly, without retrying, when ElevenLabs refuses the key', async () => {
    const revoked = await monitoredTenant(m);
    const [conversation] = await silentConversations(m, revoked);
    await m.elevenlabs.revokeKey(revoked.apiKey);
    expect((await postWebhook(m, revoked, bodyOf('post_call_transcription', conversation!))).statusCode).toBe(200);
    await expect(conversationResult(m, conversation!.id)).rejects.toMatchObject({
      cause: { message: expect.stringContaining('The recording could not be fetched: elevenlabs:') },
    });
    // A refused key is not retried: the download's one attempt failed as non-retryable.
    const history = await m.h.client.workflow.getHandle(`conversation-${conversation!.id}`).fetchHistory();
    const events = history.events ?? [];
    const download = events.find(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'fetchConversationAudio',
    )!;
    const started = events.find(
      (event) =>
        event.activityTaskStartedEventAttributes?.scheduledEventId?.toString() === download.eventId?.toString(),
    );
    expect(started?.activityTaskStartedEventAttributes?.attempt).toBe(1);
    const failed = events.find((event) => event.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes;
    expect(failed?.failure?.applicationFailureInfo).toMatchObject({ type: 'ElevenLabsKeyRefused', nonRetryable: true });
    const [log] = await callLogsOf(m, conversation!.id);
    expect(log).toMatchObject({ status: 'completed', audioKey: null });
    expect(log!.transcript).not.toBeNull();
  });
});
