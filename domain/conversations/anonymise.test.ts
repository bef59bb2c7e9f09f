import type { ConversationFacts } from './conversation-event';
import { anonymiseFacts, maskText } from './anonymise';

const facts: ConversationFacts = {
  agentId: 'agent_1',
  status: 'completed',
  finished: true,
  startedAt: '2026-01-05T10:00:00.000Z',
  durationSeconds: 61,
  direction: 'inbound',
  outcome: 'success',
  title: 'Callback for Anna Berger',
  summary: 'Anna Berger asked to be called back on +43 664 1234567.',
  analysis: {
    evaluations: [{ id: 'resolved', result: 'success', rationale: 'Anna Berger got a callback.' }],
    collected: [
      { id: 'caller_name', value: 'Anna Berger', rationale: 'The caller said: Anna Berger.' },
      { id: 'wants_callback', value: true, rationale: 'Asked for one.' },
    ],
  },
  terminationReason: 'Call ended by remote party',
  failureReason: null,
  language: 'en',
  cost: { credits: 800, usd: 0.09, llmUsd: 0.01 },
  transcript: [
    { speaker: 'agent', text: 'Hello, how can I help?', atSeconds: 0, interrupted: false },
    {
      speaker: 'user',
      text: 'This is anna berger, mail me at anna.b@example.com or call (0664) 123-45-67. My PIN is 4 4 1 2.',
      atSeconds: 3,
      interrupted: false,
    },
  ],
  fromNumber: '+436641234567',
  toNumber: '+14155550100',
  hasAudio: true,
};

describe('anonymising a conversation', () => {
  it('masks e-mail addresses, phone numbers and other multi-digit numbers, and leaves single digits', () => {
    expect(maskText('Call +43 664 1234567 or write to a.b@example.org; room 12, at 3.')).toBe(
      'Call [phone] or write to [email]; room [number], at 3.',
    );
    expect(maskText('My PIN is 4 4 1 2 and I was born 1.2.1980')).toBe('My PIN is [number] and I was born [phone]');
  });

  // Unbounded, a run of a million characters without an address would be rescanned from every start (about 20
  // minutes of CPU). Linear, all three take about half a second: the bound catches the complexity, not the speed.
  it('masks in linear time: long runs without an address or a number stay as they are', () => {
    const started = performance.now();
    const run = 'a'.repeat(1_000_000);
    expect(maskText(run)).toBe(run);
    expect(maskText(`${run}@example.org`)).toBe(`${'a'.repeat(1_000_000 - 64)}[email]`);
    expect(maskText('x1'.repeat(500_000))).toBe('x1'.repeat(500_000));
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('is idempotent: masking masked text changes nothing', () => {
    const once = maskText('Reach me on 0664/1234567, anna@example.com', ['Anna']);
    expect(maskText(once, ['Anna'])).toBe(once);
  });

  it('strips both numbers, masks transcript, summary and rationales, and drops collected values', () => {
    const masked = anonymiseFacts(facts);
    expect(masked).toMatchObject({ fromNumber: null, toNumber: null, durationSeconds: 61, outcome: 'success' });
    expect(masked.transcript[1]!.text).toBe(
      'This is [redacted], mail me at [email] or call [phone]. My PIN is [number].',
    );
    expect(masked.summary).toBe('[redacted] asked to be called back on [phone].');
    expect(masked.title).toBe('Callback for [redacted]');
    expect(masked.analysis!.collected.map((item) => item.value)).toEqual([null, null]);
    const text = JSON.stringify(masked);
    for (const personal of ['Anna', 'anna', '1234567', '664', '4 4 1 2', 'example.com']) {
      expect(text).not.toContain(personal);
    }
    // What is not personal stays.
    expect(masked.transcript[0]!.text).toBe('Hello, how can I help?');
    expect(masked.cost).toEqual(facts.cost);
  });
});
