import type { LanguageModel, SpeechToText, TextToSpeech } from './speech-ports';

/**
 * Deterministic stand-ins for Google STT (telephony model, de-AT), ElevenLabs TTS and an OpenAI-style chat model,
 * used until real keys are configured; they behave like the real ones in what metering sees.
 */
export function createMockGoogleStt(): SpeechToText {
  return {
    async transcribe(audio, { language }) {
      // 8 kHz µ-law: 8000 bytes per second of speech.
      const seconds = Math.max(1, Math.round(audio.byteLength / 8000));
      return {
        text: language.startsWith('de')
          ? `Ich hätte gerne einen Termin (${seconds}s)`
          : `I would like an appointment (${seconds}s)`,
      };
    },
  };
}

export function createMockElevenLabsTts(): TextToSpeech {
  return {
    async synthesize(text) {
      // Roughly 15 characters of speech per second, as µ-law bytes of silence.
      return { audio: new Uint8Array(Math.ceil(text.length / 15) * 8000).fill(0xff) };
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
