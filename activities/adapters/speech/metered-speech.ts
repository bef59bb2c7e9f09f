import type { BotCounterKind } from '../../../contracts/usage-kind';
import type { LanguageModel, SpeechToText, TextToSpeech } from './speech-ports';

export interface CounterReport {
  reportId: string;
  kind: BotCounterKind;
  quantity: number;
}

/**
 * Wraps the speech adapters of one call so every use is counted; `flush` hands the counts to the reporter. A
 * batch keeps its report ids until it is acknowledged, so resending one whose answer was lost counts it once.
 */
export function meterSpeech(
  adapters: { stt: SpeechToText; tts: TextToSpeech; llm: LanguageModel },
  options: { callSid: string; report: (reports: CounterReport[]) => Promise<void> },
) {
  const counts = { stt_requests: 0, tts_chars: 0, gpt_tokens: 0 };
  let batches = 0;
  let unacknowledged: CounterReport[] | null = null;
  return {
    stt: {
      async transcribe(...args: Parameters<SpeechToText['transcribe']>) {
        counts.stt_requests += 1;
        return adapters.stt.transcribe(...args);
      },
    } satisfies SpeechToText,
    tts: {
      async synthesize(...args: Parameters<TextToSpeech['synthesize']>) {
        counts.tts_chars += args[0].length;
        return adapters.tts.synthesize(...args);
      },
    } satisfies TextToSpeech,
    llm: {
      async complete(...args: Parameters<LanguageModel['complete']>) {
        const result = await adapters.llm.complete(...args);
        counts.gpt_tokens += result.totalTokens;
        return result;
      },
    } satisfies LanguageModel,
    async flush(): Promise<void> {
      if (!unacknowledged) {
        const fresh = (Object.entries(counts) as [CounterReport['kind'], number][]).filter(
          ([, quantity]) => quantity > 0,
        );
        if (fresh.length === 0) return;
        batches += 1;
        unacknowledged = fresh.map(([kind, quantity]) => ({
          reportId: `${options.callSid}:${batches}:${kind}`,
          kind,
          quantity,
        }));
        for (const kind of Object.keys(counts) as (keyof typeof counts)[]) counts[kind] = 0;
      }
      await options.report(unacknowledged);
      unacknowledged = null;
    },
  };
}
