/**
 * What the runtime needs from speech and language providers; the mock and the real adapters implement these.
 * Audio is the telephone's: 8 kHz mono, linear 16-bit PCM into STT, µ-law bytes out of TTS (Twilio's format).
 */
export interface SpeechToText {
  transcribe(pcm: Int16Array, options: { language: string; sampleRateHz: number }): Promise<{ text: string }>;
}

export interface TextToSpeech {
  synthesize(text: string, options: { voice: string }): Promise<{ mulaw: Uint8Array }>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LanguageModel {
  complete(messages: ChatMessage[]): Promise<{ text: string; totalTokens: number }>;
}

export interface SpeechAdapters {
  stt: SpeechToText;
  tts: TextToSpeech;
  llm: LanguageModel;
}
