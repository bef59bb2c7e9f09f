import { encodeMulaw } from '../mulaw';
import type { LanguageModel, SpeechToText, TextToSpeech } from './ports';

/** Deterministic stand-ins used until real providers are selected; metering sees them like the real ones. */
export function createMockStt(): SpeechToText {
  return {
    async transcribe(pcm, { language, sampleRateHz }) {
      const seconds = Math.max(1, Math.round(pcm.length / sampleRateHz));
      return {
        text: language.startsWith('de')
          ? `Ich hätte gerne einen Termin (${seconds}s)`
          : `I would like an appointment (${seconds}s)`,
      };
    },
  };
}

/** About 15 characters of speech a second, as a quiet 440 Hz tone, so a listener hears that something answers. */
export function createMockTts(): TextToSpeech {
  return {
    async synthesize(text) {
      const samples = Math.ceil(text.length / 15) * 8_000;
      const tone = Int16Array.from({ length: samples }, (_, i) =>
        Math.round(2_000 * Math.sin((2 * Math.PI * 440 * i) / 8_000)),
      );
      return { mulaw: encodeMulaw(tone) };
    },
  };
}

export function createMockChatModel(): LanguageModel {
  return {
    async complete(messages) {
      const prompt = messages.map((message) => message.content).join(' ');
      const text = 'Gerne, ich habe morgen um 10 Uhr einen Termin frei. Passt Ihnen das?';
      // About four characters per token, the usual rule of thumb for OpenAI tokenizers.
      return { text, totalTokens: Math.ceil(prompt.length / 4) + Math.ceil(text.length / 4) };
    },
  };
}
