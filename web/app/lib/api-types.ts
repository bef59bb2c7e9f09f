/**
 * Shapes of the API's JSON responses, as the web app uses them. They mirror the view types in
 * `domain/<area>/<entity>-view.ts` (kept separate so the browser bundle never reaches into server code).
 */

export type Role = 'platform_admin' | 'support' | 'customer_admin' | 'customer_user';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type TenantStatus = 'pending_verification' | 'active' | 'suspended' | 'offboarding';

export interface TenantView {
  id: string;
  name: string;
  slug: string;
  status: TenantStatus;
  onboardingStep: string;
  contactEmail: string;
  verifiedAt: string | null;
  createdAt: string;
}

export interface UserView {
  id: string;
  tenantId: string | null;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Me {
  user: UserView;
  tenant: TenantView | null;
}

export type BotStatus = 'provisioning' | 'ready' | 'failed' | 'deprovisioning' | 'deprovisioned';

export interface BotView {
  id: string;
  tenantId: string;
  name: string;
  status: BotStatus;
  /** Why the last provisioning run failed (platform staff only; null otherwise). */
  failureReason: string | null;
  locale: string;
  voice: string;
  greeting: string;
  phoneNumber: string | null;
  herokuAppName: string | null;
  createdAt: string;
  updatedAt: string;
}

export type StepStatus = 'pending' | 'running' | 'retrying' | 'done' | 'failed' | 'compensated' | 'skipped';
export type JobStatus = 'queued' | 'running' | 'done' | 'error' | 'canceled';
export type JobKind = 'provision' | 'rotate_number' | 'deprovision';

export interface StepProgress {
  name: string;
  label: string;
  status: StepStatus;
  attempts: number;
  lastError: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobView {
  id: string;
  tenantId: string;
  botId: string;
  kind: JobKind;
  status: JobStatus;
  steps: StepProgress[];
  error: string | null;
  workflowId: string;
  workflowUrl: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type WebhookEventStatus = 'pending' | 'delivered' | 'failed';

/** An inbound webhook in the inbox (decision 008), without its payload. */
export interface WebhookEventView {
  id: string;
  provider: string;
  tenantId: string | null;
  dedupeKey: string;
  subjectKey: string;
  status: WebhookEventStatus;
  attempts: number;
  lastError: string | null;
  /** delivered − received, in ms; null until delivered. */
  latencyMs: number | null;
  workflowId: string | null;
  workflowUrl: string | null;
  receivedAt: string;
  deliveredAt: string | null;
}

export const USAGE_KINDS = ['call_started', 'minutes', 'stt_requests', 'tts_chars', 'gpt_tokens'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];
export type UsageRange = 'day' | 'week' | 'month' | 'custom';
export type UsageGroupBy = 'day' | 'bot' | 'kind';
export type UsageTotals = Record<UsageKind, number>;

export interface UsageSummary {
  range: { from: string; to: string };
  groupBy: UsageGroupBy;
  totals: UsageTotals;
  /** key: ISO date (day), bot id (bot) or kind name (kind); label is for people. */
  series: Array<UsageTotals & { key: string; label: string }>;
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible' | 'failed';

export interface InvoiceView {
  id: string;
  tenantId: string;
  periodStart: string;
  periodEnd: string;
  status: InvoiceStatus;
  currency: string;
  totalCents: number;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
  createdAt: string;
}

export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export interface TicketView {
  id: string;
  tenantId: string;
  tenantName: string;
  subject: string;
  body: string;
  status: TicketStatus;
  priority: TicketPriority;
  authorUserId: string | null;
  authorName: string | null;
  messageCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessage {
  id: string;
  authorUserId: string | null;
  authorName: string | null;
  authorRole: Role | null;
  body: string;
  createdAt: string;
}

export interface TicketDetail extends TicketView {
  messages: TicketMessage[];
}
