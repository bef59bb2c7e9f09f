import { redirect } from 'react-router';

import type { Me } from '@contracts/auth';
import type {
  CheckoutSessionView,
  PlanChangeView,
  PlanList,
  PortalSessionView,
  SubscriptionView,
} from '@contracts/billing';
import type {
  AdminInvoiceView,
  InvoiceRunDetail,
  InvoiceRunPeriodView,
  PastDueTenantView,
  PlanChangeRecordView,
} from '@contracts/billing-admin';
import type { AgentList, AgentValidationView, AgentView } from '@contracts/agents';
import type { OrganizationAnalytics, PlatformStats } from '@contracts/analytics';
import type { BotView } from '@contracts/bots';
import type { BrandingAsset, BrandingView, SaveBrandingBody } from '@contracts/branding';
import type { CallLogDetail, CallLogPage } from '@contracts/call-logs';
import type { ConversationSyncStarted, ConversationSyncStatus } from '@contracts/integration-sync';
import type { IntegrationView } from '@contracts/integrations';
import type { IntegrationHealthReport, MailSenderBody, MailSenderView } from '@contracts/integration-health';
import type { InvoiceView } from '@contracts/invoices';
import type { InvoiceRunStarted } from '@contracts/invoicing';
import type { JobView } from '@contracts/jobs';
import type { Page } from '@contracts/page';
import type { PromptConfigView, PromptPreview, PromptSettings } from '@contracts/prompt-config';
import type { TicketDetail, TicketMessage, TicketView } from '@contracts/support';
import type { ManualVerification, OnboardingProgress, TenantView, VerificationResent } from '@contracts/tenants';
import type { OffboardingRunView } from '@contracts/offboarding';
import type { TenantExportList, TenantExportView } from '@contracts/tenant-export';
import type { UsageSummary } from '@contracts/usage';
import type { UserView } from '@contracts/users';
import type { WebhookEventView } from '@contracts/webhooks';
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies';
import { apiUrl } from './env.server';
import { isProblem, type Problem } from './problem';
import { loginPath } from './safe-redirect';

/**
 * The API as loaders and actions call it: server to server (API_URL), with the browser's own session cookies
 * and, on changes, the double-submit CSRF header. The API alone decides what the caller may see.
 *
 * Reads throw what Remix renders: a 401 redirects to the silent-refresh page (or to sign-in when there is no
 * session), other failures become error responses with the problem+json body. Changes return an `ApiResult`
 * so actions can show the problem's field errors beside the fields.
 */

const TIMEOUT_MS = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ApiProblem = Problem & { status: number };
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: ApiProblem };
type Query = Record<string, string | number | null | undefined>;

/** A body sent as its own bytes and content type (an image upload) instead of as JSON. */
class RawBody {
  constructor(
    readonly bytes: Uint8Array<ArrayBuffer>,
    readonly contentType: string,
  ) {}
}

function qs(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An id from the URL, as a path segment; anything but a UUID is simply not found. */
function seg(id: string | undefined): string {
  if (!id || !UUID.test(id)) throw notFound();
  return id;
}

export const notFound = (detail = 'There is nothing at this address.') =>
  Response.json({ title: 'Not Found', status: 404, detail }, { status: 404 });

export const forbidden = (detail: string) =>
  Response.json({ title: 'Forbidden', status: 403, detail }, { status: 403 });

/** The page a request was for, without Remix's data-request decorations. */
export function returnPathOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('_routes');
  url.searchParams.delete('index');
  const path = url.pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/');
  return path + url.search;
}

/** Where to go when the API says the session is gone: refresh silently if there is one to refresh. */
function sessionEnded(request: Request): Response {
  const returnTo = returnPathOf(request);
  const hasSession = readCookie(request.headers.get('cookie'), CSRF_COOKIE) !== undefined;
  return redirect(hasSession ? `/auth/refresh?redirectTo=${encodeURIComponent(returnTo)}` : loginPath(returnTo));
}

export function createApi(request: Request) {
  const cookie = request.headers.get('cookie');
  const hasAccess = readCookie(cookie, ACCESS_COOKIE) !== undefined;
  const csrf = readCookie(cookie, CSRF_COOKIE);

  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
    // No access cookie: the API would answer 401 anyway (the browser drops the cookie when the token expires).
    if (!hasAccess) throw sessionEnded(request);
    const headers = new Headers({ accept: 'application/json' });
    if (cookie) headers.set('cookie', cookie);
    if (method !== 'GET') headers.set(CSRF_HEADER, csrf ?? '');
    const raw = body instanceof RawBody ? body : null;
    if (body !== undefined) headers.set('content-type', raw ? raw.contentType : 'application/json');

    let response: Response;
    try {
      response = await fetch(`${apiUrl()}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? raw.bytes : JSON.stringify(body),
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
    } catch {
      const problem = { title: 'Service Unavailable', status: 503, detail: 'The API is unreachable right now.' };
      return { ok: false, status: 503, problem } satisfies ApiResult<T>;
    }
    if (response.status === 401) throw sessionEnded(request);

    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's error page): described below.
    }
    if (response.ok) return { ok: true, status: response.status, data: json as T } satisfies ApiResult<T>;
    const problem: ApiProblem = isProblem(json)
      ? { ...json, status: response.status }
      : {
          title: response.statusText || 'Error',
          status: response.status,
          detail: `The API answered HTTP ${response.status}.`,
        };
    return { ok: false, status: response.status, problem } satisfies ApiResult<T>;
  }

  async function get<T>(path: string): Promise<T> {
    const result = await call<T>('GET', path);
    if (!result.ok) throw Response.json(result.problem, { status: result.status });
    return result.data;
  }
  const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {});
  const put = <T>(path: string, body: unknown) => call<T>('PUT', path, body);
  const patch = <T>(path: string, body: unknown) => call<T>('PATCH', path, body);

  type PageQuery = { page?: number; pageSize?: number };

  return {
    me: () => get<Me>('/api/auth/me'),
    tenants: {
      list: (q: PageQuery & { status?: string } = {}) => get<Page<TenantView>>(`/api/tenants${qs(q)}`),
      get: (id?: string) => get<TenantView>(`/api/tenants/${seg(id)}`),
      create: (body: { name: string; slug?: string; contactEmail: string }) => post<TenantView>('/api/tenants', body),
      users: (id: string, q: PageQuery = {}) => get<Page<UserView>>(`/api/tenants/${seg(id)}/users${qs(q)}`),
      addUser: (id: string, body: { email: string; name: string; role: string; password: string }) =>
        post<UserView>(`/api/tenants/${seg(id)}/users`, body),
      updateUser: (id: string, userId: string, body: { isActive?: boolean; name?: string; role?: string }) =>
        patch<UserView>(`/api/tenants/${seg(id)}/users/${seg(userId)}`, body),
      verify: (id: string) => post<ManualVerification>(`/api/tenants/${seg(id)}/verify`),
      onboarding: (id: string) => get<OnboardingProgress>(`/api/tenants/${seg(id)}/onboarding`),
      resendVerification: (id: string) => post<VerificationResent>(`/api/tenants/${seg(id)}/verification/resend`),
      deactivate: (id: string, body: { reason: string }) =>
        post<TenantView>(`/api/tenants/${seg(id)}/deactivate`, body),
      reactivate: (id: string) => post<TenantView>(`/api/tenants/${seg(id)}/reactivate`),
      offboard: (id: string) => call<OffboardingRunView>('DELETE', `/api/tenants/${seg(id)}`),
      offboarding: (id: string) => call<OffboardingRunView>('GET', `/api/tenants/${seg(id)}/offboarding`),
      exports: (id: string) => get<TenantExportList>(`/api/tenants/${seg(id)}/exports`),
      startExport: (id: string) => post<TenantExportView>(`/api/tenants/${seg(id)}/exports`),
    },
    bots: {
      list: (q: PageQuery & { status?: string; tenantId?: string } = {}) => get<Page<BotView>>(`/api/bots${qs(q)}`),
      get: (id?: string) => get<BotView>(`/api/bots/${seg(id)}`),
      create: (body: { tenantId: string; name: string; locale: string; voice: string; greeting: string }) =>
        post<{ bot: BotView; job: JobView }>('/api/bots', body),
      update: (id: string, body: { name?: string; locale?: string; voice?: string; greeting?: string }) =>
        patch<BotView>(`/api/bots/${seg(id)}`, body),
      remove: (id: string) => call<JobView>('DELETE', `/api/bots/${seg(id)}`),
      provisioning: (id?: string) => get<JobView>(`/api/bots/${seg(id)}/provisioning`),
      retry: (id: string) => post<JobView>(`/api/bots/${seg(id)}/retry`),
      cancel: (id: string) => post<JobView>(`/api/bots/${seg(id)}/cancel`),
      rotateNumber: (id: string) => post<JobView>(`/api/bots/${seg(id)}/rotate-number`),
    },
    jobs: {
      list: (q: PageQuery & { status?: string; kind?: string; tenantId?: string; botId?: string } = {}) =>
        get<Page<JobView>>(`/api/provisioning/jobs${qs(q)}`),
    },
    webhooks: {
      list: (q: PageQuery & { provider?: string; status?: string; tenantId?: string } = {}) =>
        get<Page<WebhookEventView>>(`/api/webhooks${qs(q)}`),
      replay: (id: string) => post<WebhookEventView>(`/api/webhooks/${seg(id)}/replay`),
    },
    usage: {
      summary: (q: { range: string; groupBy: string; from?: string; to?: string; tenantId?: string }) =>
        get<UsageSummary>(`/api/usage/summary${qs(q)}`),
    },
    invoices: {
      list: (q: PageQuery & { status?: string; tenantId?: string } = {}) =>
        get<Page<InvoiceView>>(`/api/invoices${qs(q)}`),
    },
    /** The customer Billing page: subscription with usage and estimate, plans, Checkout and the Stripe portal. */
    billing: {
      subscription: () => get<SubscriptionView>('/api/billing/subscription'),
      plans: () => get<PlanList>('/api/plans'),
      checkout: (planCode: string, returnTo?: 'billing' | 'signup') =>
        post<CheckoutSessionView>('/api/billing/checkout', { planCode, ...(returnTo ? { returnTo } : {}) }),
      portal: () => post<PortalSessionView>('/api/billing/portal'),
    },
    /** The admin Billing page (platform staff). */
    billingAdmin: {
      runs: (q: PageQuery = {}) => get<Page<InvoiceRunPeriodView>>(`/api/billing/admin/invoice-runs${qs(q)}`),
      run: (q: PageQuery & { period: string; status?: string }) =>
        get<InvoiceRunDetail>(`/api/billing/admin/invoice-runs/tenants${qs(q)}`),
      startRun: (body: { period: string; tenantId?: string }) =>
        post<InvoiceRunStarted>('/api/billing/invoice/run', body),
      invoices: (q: PageQuery & { status?: string; period?: string; tenantId?: string } = {}) =>
        get<Page<AdminInvoiceView>>(`/api/billing/admin/invoices${qs(q)}`),
      pastDue: (q: PageQuery = {}) => get<Page<PastDueTenantView>>(`/api/billing/admin/past-due${qs(q)}`),
      planChanges: (q: PageQuery & { tenantId?: string } = {}) =>
        get<Page<PlanChangeRecordView>>(`/api/billing/admin/plan-changes${qs(q)}`),
      changePlan: (tenantId: string, planCode: string) =>
        put<PlanChangeView>(`/api/tenants/${seg(tenantId)}/plan`, { planCode }),
    },
    tickets: {
      list: (q: PageQuery & { status?: string; priority?: string; tenantId?: string } = {}) =>
        get<Page<TicketView>>(`/api/support/tickets${qs(q)}`),
      get: (id?: string) => get<TicketDetail>(`/api/support/tickets/${seg(id)}`),
      create: (body: { subject: string; body: string; priority?: string }) =>
        post<TicketView>('/api/support/tickets', body),
      reply: (id: string, body: string) => post<TicketMessage>(`/api/support/tickets/${seg(id)}/messages`, { body }),
      update: (id: string, body: { status?: string; priority?: string }) =>
        patch<TicketView>(`/api/support/tickets/${seg(id)}`, body),
    },
    /** The customer's own ElevenLabs key, its test, and the conversation sync it drives. */
    integrations: {
      get: () => get<IntegrationView>('/api/integrations'),
      save: (body: { apiKey?: string; webhookSecret?: string }) => post<IntegrationView>('/api/integrations', body),
      test: () => post<IntegrationView>('/api/integrations/test'),
      remove: () => call<null>('DELETE', '/api/integrations'),
      sync: () => get<ConversationSyncStatus>('/api/integrations/sync'),
      syncNow: () => post<ConversationSyncStarted>('/api/integrations/sync'),
      /** Configured / reachable / last sync of each integration (staff name the tenant). */
      health: (tenantId?: string) => get<IntegrationHealthReport>(`/api/integrations/health${qs({ tenantId })}`),
      mailSender: () => get<MailSenderView>('/api/integrations/mail-sender'),
      saveMailSender: (body: MailSenderBody) => put<MailSenderView>('/api/integrations/mail-sender', body),
    },
    /** Monitored ElevenLabs agents with their call statistics. */
    agents: {
      list: () => get<AgentList>('/api/agents'),
      validate: (agentId: string) => post<AgentValidationView>('/api/agents/validate', { agentId }),
      register: (agentId: string) => post<AgentView>('/api/agents', { agentId }),
      remove: (id: string) => call<null>('DELETE', `/api/agents/${seg(id)}`),
    },
    /** The call history of monitored agents (filters as the API takes them) and its analytics. */
    calls: {
      list: (q: Query = {}) => get<CallLogPage>(`/api/call-logs${qs(q)}`),
      get: (id?: string) => get<CallLogDetail>(`/api/call-logs/${seg(id)}`),
    },
    /** The tenant's white-label branding. */
    branding: {
      get: () => get<BrandingView>('/api/branding'),
      save: (body: SaveBrandingBody) => put<BrandingView>('/api/branding', body),
      /** A logo or favicon file, sent as its bytes with its type (the API checks type, size and magic bytes). */
      upload: async (asset: BrandingAsset, file: File) =>
        put<BrandingView>(
          `/api/branding/${asset}`,
          new RawBody(new Uint8Array(await file.arrayBuffer()), file.type || 'application/octet-stream'),
        ),
    },
    analytics: {
      organization: (q: { from?: string; to?: string } = {}) =>
        get<OrganizationAnalytics>(`/api/analytics/organization${qs(q)}`),
      platform: () => get<PlatformStats>('/api/analytics/platform'),
    },
    /** The tenant's prompt settings and the greeting and prompt its bots are given. */
    promptConfig: {
      get: () => get<PromptConfigView>('/api/prompt-config'),
      save: (settings: PromptSettings) => put<PromptConfigView>('/api/prompt-config', settings),
      preview: (role: string) => get<PromptPreview>(`/api/prompt-config/preview${qs({ role })}`),
      previewDraft: (role: string, settings: PromptSettings) =>
        post<PromptPreview>('/api/prompt-config/preview', { role, settings }),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/**
 * A read that may fail without failing the page (a section shows the problem instead). Redirects still win:
 * a gone session is never shown as a section error.
 */
export async function settle<T>(
  read: Promise<T>,
): Promise<{ data: T; error: null } | { data: null; error: ApiProblem }> {
  try {
    return { data: await read, error: null };
  } catch (thrown) {
    if (!(thrown instanceof Response) || (thrown.status >= 300 && thrown.status < 400)) throw thrown;
    const body: unknown = await thrown.json().catch(() => null);
    const error: ApiProblem = isProblem(body)
      ? { ...body, status: thrown.status }
      : { title: 'Error', status: thrown.status, detail: `HTTP ${thrown.status}` };
    return { data: null, error };
  }
}

/** `?page=` (or another parameter) of a list page, at least 1. */
export function pageOf(url: URL, param = 'page'): number {
  const page = Number.parseInt(url.searchParams.get(param) ?? '1', 10);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The named filters of a list page from its URL, each '' when absent (the filter form shows them as chosen). */
export const filtersOf = <Name extends string>(url: URL, names: readonly Name[]): Record<Name, string> =>
  Object.fromEntries(names.map((name) => [name, url.searchParams.get(name) ?? ''])) as Record<Name, string>;

/** A list filter from the URL, passed on only when it is one of the values the API knows (else: no filter). */
export const knownFilter = (value: string, allowed: readonly string[]): string | undefined =>
  allowed.includes(value) ? value : undefined;

/** A tenant (or other id) filter from the URL, passed on only when it is a UUID. */
export const uuidFilter = (value: string): string | undefined => (UUID.test(value) ? value : undefined);

/** Names of the given tenants: from a list already loaded, the rest looked up one by one. */
export async function tenantNames(api: Api, ids: string[], known: Array<{ id: string; name: string }>) {
  const names = new Map(known.map((tenant) => [tenant.id, tenant.name]));
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  for (const result of await Promise.all(missing.map((id) => settle(api.tenants.get(id))))) {
    if (result.data) names.set(result.data.id, result.data.name);
  }
  return Object.fromEntries(names);
}
