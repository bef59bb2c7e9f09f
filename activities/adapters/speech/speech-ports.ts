/** What a voice bot needs from speech and language providers; real and mock adapters implement these. */
export interface SpeechToText {
  transcribe(audio: Uint8Array, options: { language: string }): Promise<{ text: string }>;
}

export interface TextToSpeech {
  synthesize(text: string, options: { voice: string }): Promise<{ audio: Uint8Array }>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LanguageModel {
  complete(messages: ChatMessage[]): Promise<{ text: string; totalTokens: number }>;
}
