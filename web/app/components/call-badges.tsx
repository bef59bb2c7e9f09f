import type { CallLogStatus } from '@contracts/call-status';
import type { CallOutcome } from '@contracts/conversation';
import { humanize } from '~/lib/format';

import { Badge, type Tone } from './ui/badge';

const STATUS: Partial<Record<CallLogStatus, Tone>> = {
  completed: 'green',
  'in-progress': 'blue',
  initiated: 'blue',
  ringing: 'blue',
  queued: 'gray',
  busy: 'amber',
  'no-answer': 'amber',
  canceled: 'gray',
  failed: 'red',
  metering_failed: 'red',
};

export function CallStatusBadge({ status }: { status: CallLogStatus }) {
  return (
    <Badge tone={STATUS[status] ?? 'gray'} pulse={status === 'in-progress'}>
      {humanize(status)}
    </Badge>
  );
}

const OUTCOME: Record<CallOutcome, { tone: Tone; label: string }> = {
  success: { tone: 'green', label: 'Success' },
  failure: { tone: 'red', label: 'Failure' },
  unknown: { tone: 'gray', label: 'Not evaluated' },
};

/** ElevenLabs' verdict on a call or on one evaluation criterion. */
export function OutcomeBadge({ outcome }: { outcome: CallOutcome | null }) {
  const { tone, label } = OUTCOME[outcome ?? 'unknown'];
  return <Badge tone={tone}>{label}</Badge>;
}
