import type { LanguageModel } from './ports';

/** Any OpenAI-compatible `POST /chat/completions` endpoint. */
export function createOpenAiChat(options: {
  apiKey: string;
  baseUrl: string;
  model: string;
  timeoutMs?: number;
}): LanguageModel {
  return {
    async complete(messages) {
      const response = await fetch(`${options.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({ model: options.model, messages, max_tokens: 200 }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      if (!response.ok) throw new Error(`Chat model answered HTTP ${response.status}`);
      const body = (await response.json()) as {
        choices?: { message?: { content?: string | null } }[];
        usage?: { total_tokens?: number };
      };
      return { text: body.choices?.[0]?.message?.content?.trim() ?? '', totalTokens: body.usage?.total_tokens ?? 0 };
    },
  };
}
