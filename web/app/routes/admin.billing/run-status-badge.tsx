import type { InvoiceRunStatus } from '@contracts/invoice-run-status';
import { Badge, type Tone } from '~/components/ui/badge';

export const RUN_STATUS_LABELS: Record<InvoiceRunStatus, string> = {
  not_invoiced: 'Not invoiced',
  in_progress: 'In progress',
  failed: 'Failed',
  finalized: 'Finalized',
  no_charge: 'No charge',
};

const TONES: Record<InvoiceRunStatus, Tone> = {
  not_invoiced: 'gray',
  in_progress: 'blue',
  failed: 'red',
  finalized: 'green',
  no_charge: 'violet',
};

export function RunStatusBadge({ status }: { status: InvoiceRunStatus }) {
  return (
    <Badge tone={TONES[status]} pulse={status === 'in_progress'}>
      {RUN_STATUS_LABELS[status]}
    </Badge>
  );
}
