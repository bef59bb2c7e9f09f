import type { CallOutcome } from '@contracts/conversation';

import { Badge, type Tone } from './ui/badge';

/** How a call's outcome reads, on its badge and in the history's filter. */
export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  success: 'Success',
  failure: 'Failure',
  unknown: 'Not evaluated',
};
const OUTCOME_TONES: Record<CallOutcome, Tone> = { success: 'green', failure: 'red', unknown: 'gray' };

/** ElevenLabs' verdict on a call or on one evaluation criterion. */
export function OutcomeBadge({ outcome }: { outcome: CallOutcome | null }) {
  const shown = outcome ?? 'unknown';
  return <Badge tone={OUTCOME_TONES[shown]}>{OUTCOME_LABELS[shown]}</Badge>;
}
