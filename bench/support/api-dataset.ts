import {
  BillingAccount,
  Bot,
  CallLog,
  Invoice,
  Plan,
  Subscription,
  SupportTicket,
  SupportTicketMessage,
  Tenant,
  TenantBranding,
  TenantSettings,
  User,
} from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import { hashPassword } from '../../domain/auth/password';
import { rateUsage } from '../../domain/billing/rate-usage';
import { toPlanPricing } from '../../domain/billing/plan-pricing';
import { storeInvoiceLines } from '../../domain/billing/store-invoice-lines';
import type { TenantMarkers } from './leak-scanner';

/** One tenant of the API bench: how many virtual users it gets and how much history it has. */
export interface BenchTenantSpec {
  key: string;
  /** A word no other tenant's texts contain, so the leak scanner cannot confuse them. */
  word: string;
  plan: 'enterprise' | 'pro' | 'starter';
  users: number;
  bots: number;
  callLogs: number;
  tickets: number;
  /** Usage events per day and kind over the last 90 days. */
  usagePerDayAndKind: number;
  /** Call minutes already used this month (above the plan's cap for the Starter tenant). */
  minutesThisMonth: number;
}

export interface BenchUser {
  email: string;
  role: 'customer_admin' | 'customer_user';
}

export interface BenchTenant {
  spec: BenchTenantSpec;
  id: string;
  name: string;
  slug: string;
  emailDomain: string;
  users: BenchUser[];
  ticketIds: string[];
  /** Tickets a customer may still answer (all but the closed ones: a reply to a closed ticket is a 409). */
  replyableTicketIds: string[];
  callLogIds: string[];
  /** Everything the leak scanner looks for in other tenants' responses. */
  markers: TenantMarkers;
}

const DAY_MS = 86_400_000;
const KINDS = ['call_started', 'minutes', 'stt_requests', 'tts_chars', 'gpt_tokens'] as const;

/**
 * Seeds the bench tenants with users (all with `password`), bots, 90 days of usage, twelve months of invoices,
 * support tickets with replies and ElevenLabs call logs with transcripts: enough rows for the portal's reads to
 * do real work. Every name carries `runId`, so a rerun on the same database adds tenants of its own.
 */
export async function seedApiBenchTenants(
  orm: Orm,
  specs: readonly BenchTenantSpec[],
  options: { runId: string; password: string; now?: Date },
): Promise<BenchTenant[]> {
  const now = options.now ?? new Date();
  // One hash for every bench user: argon2 salts it, and each hash verifies the same password.
  const passwordHash = await hashPassword(options.password);
  const tenants: BenchTenant[] = [];
  for (const spec of specs) tenants.push(await seedTenant(orm, spec, { ...options, passwordHash, now }));
  await inScope(orm, { system: 'bench' }, (em) => em.execute('analyze'));
  return tenants;
}

async function seedTenant(
  orm: Orm,
  spec: BenchTenantSpec,
  options: { runId: string; passwordHash: string; now: Date },
): Promise<BenchTenant> {
  const { runId, now } = options;
  const slug = `${spec.word}-${runId}`;
  const name = `${capitalized(spec.word)} ${runId} GmbH`;
  const emailDomain = `${slug}.bench.test`;
  const ids: string[] = [];
  const seeded = await inScope(orm, { system: 'bench' }, async (em) => {
    const tenant = em.create(Tenant, {
      name,
      slug,
      status: 'active',
      onboardingStep: 'active',
      contactEmail: `owner@${emailDomain}`,
      verifiedAt: new Date(now.getTime() - 200 * DAY_MS),
    });
    await em.flush();
    ids.push(tenant.id);
    const plan = await em.findOneOrFail(Plan, { code: spec.plan });
    em.create(TenantSettings, { tenantId: tenant.id, branding: { productName: `${capitalized(spec.word)} Voice` } });
    em.create(TenantBranding, { tenantId: tenant.id, dashboardTitle: `${capitalized(spec.word)} portal` });
    em.create(BillingAccount, {
      tenantId: tenant.id,
      stripeCustomerId: `cus_bench_${slug}`,
      email: `owner@${emailDomain}`,
      currency: plan.currency,
    });
    em.create(Subscription, {
      tenantId: tenant.id,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      currentPeriodEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
    });
    // Every fifth user is a plain customer user; the others are the tenant's admins.
    const users = Array.from({ length: spec.users }, (_, n) => {
      const role: BenchUser['role'] = n % 5 === 4 ? 'customer_user' : 'customer_admin';
      return em.create(User, {
        tenantId: tenant.id,
        email: `user${String(n).padStart(3, '0')}@${emailDomain}`,
        name: `${capitalized(spec.word)} User ${n}`,
        role,
        passwordHash: options.passwordHash,
      });
    });
    const bots = Array.from({ length: spec.bots }, (_, n) =>
      em.create(Bot, {
        tenantId: tenant.id,
        name: `${capitalized(spec.word)} bot ${n}`,
        status: 'ready',
        locale: 'de-AT',
        voice: 'elevenlabs:Rachel',
        greeting: `Grüß Gott, hier ist ${name}. Wie kann ich helfen?`,
        twilioNumber: `+43155${String(Math.abs(hashOf(slug)) % 100_000).padStart(5, '0')}${n}`,
        twilioNumberSid: `PN${hex(`${slug}-${n}`, 32)}`,
        herokuAppName: `vp-${slug}-${n}`.slice(0, 30),
      }),
    );
    await em.flush();
    ids.push(...users.map((user) => user.id), ...bots.map((bot) => bot.id));
    await seedInvoices(em, tenant.id, plan, slug, now, ids);
    const tickets = await seedTickets(em, tenant.id, spec, users, now);
    const callLogIds = await seedCallLogs(em, tenant.id, spec, slug, now);
    return {
      tenantId: tenant.id,
      users: users.map((user) => ({ email: user.email, role: user.role as BenchUser['role'] })),
      ticketIds: tickets.map((ticket) => ticket.id),
      replyableTicketIds: tickets.filter((ticket) => ticket.status !== 'closed').map((ticket) => ticket.id),
      callLogIds,
      botIds: bots.map((bot) => bot.id),
    };
  });
  await seedUsage(orm, seeded.tenantId, seeded.botIds, spec, slug, now);
  ids.push(...seeded.ticketIds, ...seeded.callLogIds);
  return {
    spec,
    id: seeded.tenantId,
    name,
    slug,
    emailDomain,
    users: seeded.users,
    ticketIds: seeded.ticketIds,
    replyableTicketIds: seeded.replyableTicketIds,
    callLogIds: seeded.callLogIds,
    markers: { key: spec.key, ids, texts: [name, slug, emailDomain] },
  };
}

/** Twelve closed months, the older ones paid and the last one open, rated on the tenant's plan. */
async function seedInvoices(em: ScopedEm, tenantId: string, plan: Plan, slug: string, now: Date, ids: string[]) {
  for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo -= 1) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
    const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const periodStart = start.toISOString().slice(0, 10);
    const scale = 1 + (monthsAgo % 4) / 4;
    const rated = rateUsage(toPlanPricing(plan), {
      call_started: Math.round(600 * scale),
      minutes: Math.round(1_400 * scale),
      stt_requests: Math.round(8_000 * scale),
      tts_chars: Math.round(350_000 * scale),
      gpt_tokens: Math.round(1_500_000 * scale),
    });
    const period = periodStart.slice(0, 7);
    const invoice = em.create(Invoice, {
      tenantId,
      periodStart,
      periodEnd: lastDay.toISOString().slice(0, 10),
      stripeInvoiceId: `in_bench_${slug}_${period}`,
      status: monthsAgo === 1 ? 'open' : 'paid',
      currency: plan.currency,
      totalCents: rated.totalCents,
      hostedInvoiceUrl: `https://invoice.stripe.com/i/bench_${slug}_${period}`,
      pdfUrl: `https://invoice.stripe.com/i/bench_${slug}_${period}/pdf`,
      createdAt: new Date(lastDay.getTime() + DAY_MS),
    });
    await em.flush();
    ids.push(invoice.id);
    storeInvoiceLines(em, {
      tenantId,
      invoiceId: invoice.id,
      lines: rated.lines.map((line) => ({ ...line, sourcePeriod: period })),
    });
  }
  await em.flush();
}

async function seedTickets(
  em: ScopedEm,
  tenantId: string,
  spec: BenchTenantSpec,
  users: User[],
  now: Date,
): Promise<SupportTicket[]> {
  const statuses = ['open', 'pending', 'resolved', 'closed'] as const;
  const tickets = Array.from({ length: spec.tickets }, (_, n) => {
    const createdAt = new Date(now.getTime() - (n + 1) * 7 * 3_600_000);
    return em.create(SupportTicket, {
      tenantId,
      authorUserId: users[n % users.length]!.id,
      subject: `Question ${n} about the ${capitalized(spec.word)} reception bot`,
      body: `Callers report that the bot repeats the greeting (case ${n}). Could you have a look?`,
      status: statuses[n % statuses.length]!,
      priority: n % 7 === 0 ? 'high' : 'normal',
      createdAt,
      updatedAt: createdAt,
    });
  });
  await em.flush();
  tickets.forEach((ticket, n) => {
    for (let m = 0; m < 2; m += 1) {
      em.create(SupportTicketMessage, {
        tenantId,
        ticketId: ticket.id,
        authorUserId: users[(n + m + 1) % users.length]!.id,
        body: `Follow-up ${m} on case ${n}: it happened again this morning.`,
        createdAt: new Date(ticket.createdAt.getTime() + (m + 1) * 600_000),
      });
    }
  });
  await em.flush();
  return tickets;
}

async function seedCallLogs(
  em: ScopedEm,
  tenantId: string,
  spec: BenchTenantSpec,
  slug: string,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  const batch = 500;
  for (let offset = 0; offset < spec.callLogs; offset += batch) {
    const logs = Array.from({ length: Math.min(batch, spec.callLogs - offset) }, (_, i) => {
      const n = offset + i;
      const startedAt = new Date(now.getTime() - ((n * 37) % (30 * 1440)) * 60_000 - 60_000);
      const duration = 20 + ((n * 53) % 600);
      const transcript = [
        { role: 'agent', message: `Grüß Gott, hier ist ${capitalized(spec.word)}. Wie kann ich helfen?` },
        { role: 'user', message: `Ich möchte einen Termin für nächste Woche vereinbaren (Anruf ${n}).` },
        { role: 'agent', message: 'Gerne, ich trage Sie für Dienstag um zehn Uhr ein.' },
      ];
      return em.create(CallLog, {
        tenantId,
        provider: 'elevenlabs',
        externalCallId: `conv_${slug}_${n}`,
        fromNumber: `+43699${String(n).padStart(7, '0')}`,
        toNumber: '+4315550100',
        status: n % 17 === 0 ? 'failed' : 'completed',
        startedAt,
        endedAt: new Date(startedAt.getTime() + duration * 1000),
        durationSeconds: duration,
        transcript,
        transcriptText: transcript.map((turn) => `${turn.role}: ${turn.message}`).join('\n'),
        outcome: n % 17 === 0 ? 'failure' : n % 5 === 0 ? 'unknown' : 'success',
        direction: n % 9 === 0 ? 'outbound' : 'inbound',
        title: `Appointment request ${n}`,
        summary: 'The caller asked for an appointment and was booked for Tuesday at ten.',
        language: 'de',
        analysis: null,
      });
    });
    await em.flush();
    ids.push(...logs.map((log) => log.id));
  }
  return ids;
}

/** 90 days of usage through the rollup trigger, plus this month's call minutes (past the Starter cap). */
async function seedUsage(
  orm: Orm,
  tenantId: string,
  botIds: string[],
  spec: BenchTenantSpec,
  slug: string,
  now: Date,
): Promise<void> {
  await inScope(orm, { system: 'bench' }, async (em) => {
    const perDay = spec.usagePerDayAndKind;
    await em.execute(
      `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
       select gen_random_uuid(), ?::uuid, (?::uuid[])[1 + n % ?], (?::text[])[1 + (n / ?) % 5], 1 + n % 7,
              ?::timestamptz - ((n / (? * 5)) || ' days')::interval - ((n % 1440) || ' minutes')::interval,
              ? || n, 'bench', null
       from generate_series(0, ? * 5 * 90 - 1) as n`,
      [
        tenantId,
        `{${botIds.join(',')}}`,
        botIds.length,
        `{${KINDS.join(',')}}`,
        perDay,
        now.toISOString(),
        perDay,
        `bench-api:${slug}:`,
        perDay,
      ],
    );
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    await em.execute(
      `insert into usage_events (id, tenant_id, bot_id, kind, quantity, occurred_at, idempotency_key, source, call_sid)
       values (gen_random_uuid(), ?, ?, 'minutes', ?, ?, ?, 'bench', null)`,
      [tenantId, botIds[0], spec.minutesThisMonth, monthStart.toISOString(), `bench-api:${slug}:month-minutes`],
    );
  });
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const hex = (text: string, length: number) =>
  Array.from({ length: Math.ceil(length / 8) }, (_, n) => (hashOf(`${text}:${n}`) >>> 0).toString(16).padStart(8, '0'))
    .join('')
    .slice(0, length);
