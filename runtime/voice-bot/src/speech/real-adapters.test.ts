import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBotConfig } from '../bot-config';
import { createElevenLabsTts } from './elevenlabs-tts';
import { createGoogleStt } from './google-stt';
import { createOpenAiChat } from './openai-chat';
import { selectAdapters } from './select-adapters';

/** A stand-in provider: records each request and answers with `reply`. */
async function provider(reply: (request: IncomingMessage) => { status?: number; body: string | Buffer }) {
  const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() });
      const { status = 200, body } = reply(request);
      response.writeHead(status).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the real speech adapters', () => {
  it('asks Google STT for the telephony model in the bot’s language with linear PCM', async () => {
    const google = await provider(() => ({
      body: JSON.stringify({
        results: [{ alternatives: [{ transcript: 'Grüß Gott' }] }, { alternatives: [{ transcript: 'bitte' }] }],
      }),
    }));
    try {
      const stt = createGoogleStt({ apiKey: 'g-key', baseUrl: google.url });
      const text = await stt.transcribe(Int16Array.from([1, -2, 3]), { language: 'de-AT', sampleRateHz: 8_000 });
      expect(text).toEqual({ text: 'Grüß Gott bitte' });
      const [request] = google.seen;
      expect(request!.url).toBe('/v1/speech:recognize');
      expect(request!.headers['x-goog-api-key']).toBe('g-key');
      expect(JSON.parse(request!.body)).toEqual({
        config: { encoding: 'LINEAR16', sampleRateHertz: 8_000, languageCode: 'de-AT', model: 'telephony' },
        audio: { content: Buffer.from(Int16Array.from([1, -2, 3]).buffer).toString('base64') },
      });
    } finally {
      await google.close();
    }
  });

  it('asks ElevenLabs for µ-law at 8 kHz and passes its bytes on', async () => {
    const elevenLabs = await provider(() => ({ body: Buffer.from([0xff, 0x7f, 0x80]) }));
    try {
      const tts = createElevenLabsTts({ apiKey: 'e-key', modelId: 'eleven_flash_v2_5', baseUrl: elevenLabs.url });
      expect(await tts.synthesize('Hallo', { voice: 'voice 1' })).toEqual({
        mulaw: new Uint8Array([0xff, 0x7f, 0x80]),
      });
      const [request] = elevenLabs.seen;
      expect(request!.url).toBe('/v1/text-to-speech/voice%201?output_format=ulaw_8000');
      expect(request!.headers['xi-api-key']).toBe('e-key');
      expect(JSON.parse(request!.body)).toEqual({ text: 'Hallo', model_id: 'eleven_flash_v2_5' });
    } finally {
      await elevenLabs.close();
    }
  });

  it('sends the conversation to an OpenAI-compatible endpoint and counts its tokens; a refusal throws without the key', async () => {
    let status = 200;
    const openAi = await provider(() => ({
      status,
      body: JSON.stringify({ choices: [{ message: { content: ' Gerne. ' } }], usage: { total_tokens: 42 } }),
    }));
    try {
      const llm = createOpenAiChat({ apiKey: 'o-key', baseUrl: openAi.url, model: 'gpt-test' });
      const messages = [
        { role: 'system' as const, content: 'Prompt' },
        { role: 'user' as const, content: 'Termin?' },
      ];
      expect(await llm.complete(messages)).toEqual({ text: 'Gerne.', totalTokens: 42 });
      expect(openAi.seen[0]!.headers.authorization).toBe('Bearer o-key');
      expect(JSON.parse(openAi.seen[0]!.body)).toMatchObject({ model: 'gpt-test', messages });
      status = 401;
      const refused = await llm.complete(messages).catch((error: Error) => error);
      expect(refused).toEqual(new Error('Chat model answered HTTP 401'));
    } finally {
      await openAi.close();
    }
  });
});

describe('adapter selection', () => {
  it('uses the mocks unless told otherwise', () => {
    expect(readBotConfig({}).adapters).toEqual({ stt: 'mock', tts: 'mock', llm: 'mock' });
    const adapters = selectAdapters(readBotConfig({}));
    expect(Object.keys(adapters)).toEqual(['stt', 'tts', 'llm']);
  });

  it('refuses a real provider without its key, and names variables, never values', () => {
    expect(() => readBotConfig({ LLM_PROVIDER: 'openai', GOOGLE_API_KEY: 'secret-value' })).toThrow(
      'Invalid bot config: LLM_PROVIDER needs OPENAI_API_KEY',
    );
    expect(() => readBotConfig({ STT_PROVIDER: 'whisper-secret' })).toThrow(/^Invalid bot config: STT_PROVIDER$/);
  });

  it('selects the real adapters by their env vars', () => {
    const config = readBotConfig({
      STT_PROVIDER: 'google',
      GOOGLE_API_KEY: 'g',
      TTS_PROVIDER: 'elevenlabs',
      ELEVENLABS_API_KEY: 'e',
      LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'o',
      BOT_VOICE: 'elevenlabs:21m00Tcm4TlvDq8ikWAM',
    });
    expect(config.adapters).toEqual({ stt: 'google', tts: 'elevenlabs', llm: 'openai' });
    expect(config.voice).toBe('21m00Tcm4TlvDq8ikWAM');
  });
});
