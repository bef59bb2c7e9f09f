import type { BotCounterKind } from '../../../contracts/usage-kind';
import type { SpeechAdapters } from './speech/ports';

export interface CounterReport {
  reportId: string;
  kind: BotCounterKind;
  quantity: number;
}

/**
 * Wraps one call's adapters so every use is counted; `flush` hands the counts to `report`. A batch keeps its report
 * ids (`<callSid>:<batch>:<kind>`) until it is acknowledged, so a resend after a lost answer is counted once.
 */
export function meterCall(
  adapters: SpeechAdapters,
  options: { callSid: string; report: (reports: CounterReport[]) => Promise<void> },
) {
  const counts: Record<BotCounterKind, number> = { stt_requests: 0, tts_chars: 0, gpt_tokens: 0 };
  let batches = 0;
  let unacknowledged: CounterReport[] | null = null;
  const adaptersMetered: SpeechAdapters = {
    stt: {
      async transcribe(pcm, options) {
        counts.stt_requests += 1;
        return adapters.stt.transcribe(pcm, options);
      },
    },
    tts: {
      async synthesize(text, options) {
        counts.tts_chars += text.length;
        return adapters.tts.synthesize(text, options);
      },
    },
    llm: {
      async complete(messages) {
        const result = await adapters.llm.complete(messages);
        counts.gpt_tokens += result.totalTokens;
        return result;
      },
    },
  };
  return {
    ...adaptersMetered,
    async flush(): Promise<void> {
      if (!unacknowledged) {
        const fresh = (Object.entries(counts) as [BotCounterKind, number][]).filter(([, quantity]) => quantity > 0);
        if (fresh.length === 0) return;
        batches += 1;
        unacknowledged = fresh.map(([kind, quantity]) => ({
          reportId: `${options.callSid}:${batches}:${kind}`,
          kind,
          quantity,
        }));
        for (const kind of Object.keys(counts) as BotCounterKind[]) counts[kind] = 0;
      }
      await options.report(unacknowledged);
      unacknowledged = null;
    },
  };
}
