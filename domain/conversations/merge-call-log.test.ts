import type { ConversationFacts } from './conversation-event';
import { mergeCallLog, newCallLog, type ConversationRecord } from './merge-call-log';

const facts: ConversationFacts = {
  agentId: 'agent_1',
  status: 'completed',
  finished: true,
  startedAt: '2026-01-05T10:00:00.000Z',
  durationSeconds: 90,
  direction: 'inbound',
  outcome: 'success',
  title: 'Opening hours',
  summary: 'The caller asked when the office opens.',
  analysis: { evaluations: [{ id: 'polite', result: 'success', rationale: 'Kind.' }], collected: [] },
  terminationReason: 'end_call tool was called.',
  failureReason: null,
  language: 'en',
  cost: { credits: 1200, usd: 0.1458, llmUsd: 0.0108 },
  transcript: [
    { speaker: 'agent', text: 'Hello!', atSeconds: 0, interrupted: false },
    { speaker: 'user', text: 'Call me on 0664 1234567.', atSeconds: 4, interrupted: false },
  ],
  fromNumber: '+436641234567',
  toNumber: '+14155550100',
  hasAudio: true,
};
const transcription: ConversationRecord = { facts, failure: null, audioKey: null };
const audio: ConversationRecord = { facts: null, failure: null, audioKey: 'tenant/conv_1.mp3' };

/** Writes the records one after another, as separate runs would. */
const written = (records: ConversationRecord[], anonymise = false) =>
  records.reduce((row, record) => mergeCallLog(row, record, anonymise), newCallLog(records[0]!));

describe('merging what is learned about a conversation into its call log', () => {
  it('ends with the same complete row whether transcription and audio are written apart or together', () => {
    const first = written([transcription, audio]);
    expect(written([{ ...transcription, audioKey: audio.audioKey }])).toEqual(first);
    expect(written([transcription, audio, transcription, audio])).toEqual(first);
    expect(first).toMatchObject({
      status: 'completed',
      audioKey: 'tenant/conv_1.mp3',
      durationSeconds: 90,
      endedAt: new Date('2026-01-05T10:01:30.000Z'),
      costUsd: 0.1458,
      fromNumber: '+436641234567',
      transcriptText: 'agent: Hello!\nuser: Call me on 0664 1234567.',
      anonymized: false,
    });
  });

  it('never replaces a known field with nothing: an audio-only write keeps transcript and analysis', () => {
    const row = written([transcription, audio, { facts: null, failure: null, audioKey: null }]);
    expect(row.transcript).toEqual(facts.transcript);
    expect(row.analysis).toEqual(facts.analysis);
    expect(row.audioKey).toBe('tenant/conv_1.mp3');
    const emptyTranscript = { ...transcription, facts: { ...facts, transcript: [], summary: null } };
    expect(written([transcription, emptyTranscript])).toMatchObject({
      transcript: facts.transcript,
      summary: facts.summary,
    });
  });

  it('never moves the status back, and a failure’s busy says more than the details’ failed', () => {
    const stale = { ...transcription, facts: { ...facts, status: 'in-progress' as const } };
    expect(written([transcription, stale]).status).toBe('completed');
    expect(written([stale, transcription]).status).toBe('completed');
    const failedDetails = { ...transcription, facts: { ...facts, status: 'failed' as const, transcript: [] } };
    const busy: ConversationRecord = {
      facts: null,
      failure: { status: 'busy', reason: 'busy', at: '2026-01-05T10:00:02.000Z' },
      audioKey: null,
    };
    expect(written([busy, failedDetails])).toMatchObject({ status: 'busy', failureReason: 'busy' });
    // The details' start time replaces the failure event's.
    expect(written([busy, failedDetails]).startedAt).toEqual(new Date(facts.startedAt));
    expect(written([failedDetails, busy]).status).toBe('busy');
  });

  it('anonymises on write, masking what an earlier write stored unmasked', () => {
    const row = written([transcription, audio], false);
    const masked = mergeCallLog(row, audio, true);
    expect(masked).toMatchObject({ fromNumber: null, toNumber: null, anonymized: true });
    expect(masked.transcriptText).toBe('agent: Hello!\nuser: Call me on [phone].');
    expect(JSON.stringify(masked)).not.toContain('1234567');
  });
});
