import { createMockChatModel, createMockElevenLabsTts, createMockGoogleStt } from './mock-adapters';
import { meterSpeech, type CounterReport } from './metered-speech';

describe('meterSpeech', () => {
  it('counts STT requests, TTS characters and LLM tokens, and reports each flush once with fresh ids', async () => {
    const sent: CounterReport[][] = [];
    const speech = meterSpeech(
      { stt: createMockGoogleStt(), tts: createMockElevenLabsTts(), llm: createMockChatModel() },
      { callSid: 'CA1', report: async (reports) => void sent.push(reports) },
    );
    const heard = await speech.stt.transcribe(new Uint8Array(16_000), { language: 'de-AT' });
    expect(heard.text).toContain('Termin');
    const answer = await speech.llm.complete([{ role: 'user', content: heard.text }]);
    const audio = await speech.tts.synthesize(answer.text, { voice: 'Rachel' });
    expect(audio.audio.byteLength).toBeGreaterThan(0);
    await speech.flush();
    await speech.stt.transcribe(new Uint8Array(8000), { language: 'de-AT' });
    await speech.flush();
    await speech.flush();

    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual([
      { reportId: 'CA1:1:stt_requests', kind: 'stt_requests', quantity: 1 },
      { reportId: 'CA1:1:tts_chars', kind: 'tts_chars', quantity: answer.text.length },
      { reportId: 'CA1:1:gpt_tokens', kind: 'gpt_tokens', quantity: answer.totalTokens },
    ]);
    expect(sent[1]).toEqual([{ reportId: 'CA1:2:stt_requests', kind: 'stt_requests', quantity: 1 }]);
  });

  it('resends a failed batch with the same report ids before any newer counts', async () => {
    let fail = true;
    const sent: CounterReport[][] = [];
    const speech = meterSpeech(
      { stt: createMockGoogleStt(), tts: createMockElevenLabsTts(), llm: createMockChatModel() },
      {
        callSid: 'CA2',
        report: async (reports) => {
          if (fail) throw new Error('network down');
          sent.push(reports);
        },
      },
    );
    await speech.tts.synthesize('Hallo', { voice: 'v' });
    await expect(speech.flush()).rejects.toThrow('network down');
    await speech.tts.synthesize('Servus', { voice: 'v' });
    fail = false;
    await speech.flush();
    await speech.flush();
    expect(sent).toEqual([
      [{ reportId: 'CA2:1:tts_chars', kind: 'tts_chars', quantity: 5 }],
      [{ reportId: 'CA2:2:tts_chars', kind: 'tts_chars', quantity: 6 }],
    ]);
  });
});
