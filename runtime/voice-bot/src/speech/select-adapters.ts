import type { BotConfig } from '../bot-config';
import { createElevenLabsTts } from './elevenlabs-tts';
import { createGoogleStt } from './google-stt';
import { createMockChatModel, createMockStt, createMockTts } from './mock-adapters';
import { createOpenAiChat } from './openai-chat';
import type { SpeechAdapters } from './ports';

/** The adapters `STT_PROVIDER`, `TTS_PROVIDER` and `LLM_PROVIDER` select (readBotConfig checked their keys). */
export function selectAdapters(config: BotConfig): SpeechAdapters {
  const { adapters, keys } = config;
  return {
    stt: adapters.stt === 'google' ? createGoogleStt({ apiKey: keys.google! }) : createMockStt(),
    tts:
      adapters.tts === 'elevenlabs'
        ? createElevenLabsTts({ apiKey: keys.elevenLabs!, modelId: config.elevenLabsModel })
        : createMockTts(),
    llm:
      adapters.llm === 'openai' ? createOpenAiChat({ apiKey: keys.openAi!, ...config.openAi }) : createMockChatModel(),
  };
}
