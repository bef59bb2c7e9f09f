import type { SpeechToText } from './ports';

/** Google Cloud Speech-to-Text v1 `speech:recognize` with the telephony model (synchronous, up to a minute). */
export function createGoogleStt(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }): SpeechToText {
  const baseUrl = options.baseUrl ?? 'https://speech.googleapis.com';
  return {
    async transcribe(pcm, { language, sampleRateHz }) {
      const response = await fetch(`${baseUrl}/v1/speech:recognize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': options.apiKey },
        body: JSON.stringify({
          config: { encoding: 'LINEAR16', sampleRateHertz: sampleRateHz, languageCode: language, model: 'telephony' },
          audio: { content: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64') },
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new Error(`Google STT answered HTTP ${response.status}`);
      const body = (await response.json()) as { results?: { alternatives?: { transcript?: string }[] }[] };
      const text = (body.results ?? []).map((result) => result.alternatives?.[0]?.transcript ?? '').join(' ');
      return { text: text.trim() };
    },
  };
}
