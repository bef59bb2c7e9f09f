import type { BotStatus } from '@contracts/bot-status';
import type { CallLogStatus } from '@contracts/call-status';
import type { InvoiceStatus } from '@contracts/invoice-status';
import type { JobStatus, StepStatus } from '@contracts/provisioning-job';
import type { TicketPriority, TicketStatus } from '@contracts/support-ticket';
import type { TenantStatus } from '@contracts/tenant-status';
import type { WebhookEventStatus } from '@contracts/webhook-event-status';
import { humanize } from '~/lib/format';

import { Badge, type Tone } from './ui/badge';

const BOT: Record<BotStatus, Tone> = {
  provisioning: 'blue',
  ready: 'green',
  failed: 'red',
  deprovisioning: 'amber',
  deprovisioned: 'gray',
};
const JOB: Record<JobStatus, Tone> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  error: 'red',
  canceled: 'amber',
};
const STEP: Record<StepStatus, Tone> = {
  pending: 'gray',
  running: 'blue',
  retrying: 'amber',
  done: 'green',
  failed: 'red',
  compensated: 'violet',
  skipped: 'gray',
};
const TENANT: Record<TenantStatus, Tone> = {
  pending_verification: 'amber',
  active: 'green',
  suspended: 'red',
  offboarding: 'gray',
};
const INVOICE: Record<InvoiceStatus, Tone> = {
  draft: 'gray',
  open: 'blue',
  paid: 'green',
  void: 'gray',
  uncollectible: 'red',
  failed: 'red',
};
const CALL: Record<CallLogStatus, Tone> = {
  queued: 'gray',
  initiated: 'blue',
  ringing: 'blue',
  'in-progress': 'blue',
  completed: 'green',
  busy: 'amber',
  'no-answer': 'amber',
  failed: 'red',
  canceled: 'gray',
  metering_failed: 'red',
};
const WEBHOOK: Record<WebhookEventStatus, Tone> = { pending: 'blue', delivered: 'green', failed: 'red' };
const TICKET: Record<TicketStatus, Tone> = { open: 'blue', pending: 'amber', resolved: 'green', closed: 'gray' };
const PRIORITY: Record<TicketPriority, Tone> = { low: 'gray', normal: 'indigo', high: 'amber', urgent: 'red' };

const busy = new Set(['provisioning', 'deprovisioning', 'running', 'retrying', 'queued', 'in-progress']);

function make<S extends string>(tones: Record<S, Tone>) {
  return function StatusBadge({ status }: { status: S }) {
    return (
      <Badge tone={tones[status] ?? 'gray'} pulse={busy.has(status)}>
        {humanize(status)}
      </Badge>
    );
  };
}

export const BotStatusBadge = make(BOT);
export const JobStatusBadge = make(JOB);
export const StepStatusBadge = make(STEP);
export const TenantStatusBadge = make(TENANT);
export const InvoiceStatusBadge = make(INVOICE);
export const WebhookStatusBadge = make(WEBHOOK);
export const TicketStatusBadge = make(TICKET);
export const PriorityBadge = make(PRIORITY);
export const CallStatusBadge = make(CALL);
