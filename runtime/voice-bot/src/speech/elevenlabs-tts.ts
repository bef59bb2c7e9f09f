import type { TextToSpeech } from './ports';

/** ElevenLabs text-to-speech, asked for µ-law at 8 kHz so its bytes go to Twilio as they are. */
export function createElevenLabsTts(options: {
  apiKey: string;
  modelId: string;
  baseUrl?: string;
  timeoutMs?: number;
}): TextToSpeech {
  const baseUrl = options.baseUrl ?? 'https://api.elevenlabs.io';
  return {
    async synthesize(text, { voice }) {
      const url = `${baseUrl}/v1/text-to-speech/${encodeURIComponent(voice)}?output_format=ulaw_8000`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'xi-api-key': options.apiKey },
        body: JSON.stringify({ text, model_id: options.modelId }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new Error(`ElevenLabs TTS answered HTTP ${response.status}`);
      return { mulaw: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}
