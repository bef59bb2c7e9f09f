import {
  BillingAccount,
  Bot,
  Invoice,
  Plan,
  Subscription,
  SupportTicket,
  SupportTicketMessage,
  Tenant,
  TenantSettings,
  UsageEvent,
  User,
} from '../db/entities';
import { hashPassword } from './auth/password';
import { periodEndsAt, periodOf } from './billing/billing-period';
import { rateUsage } from './billing/rate-usage';
import { toPlanPricing } from './billing/plan-pricing';
import { storeInvoiceLines } from './billing/store-invoice-lines';
import { syncPlansFromCatalog } from './billing/sync-plans-from-catalog';
// The JSON itself, not config/pricing.ts: plain Node resolution (Jest's global setup seeds) finds `pricing.json`
// before `pricing.ts` for `../config/pricing`. Start-up checks the same file with loadPricingCatalog.
import pricingJson from '../config/pricing.json';
import { PricingCatalog } from '../contracts/pricing';
import { USAGE_KINDS, type UsageKind } from '../contracts/usage-kind';
import type { Orm } from '../db/orm';
import { inScope, type ScopedEm } from '../db/scope';

export interface SeedOptions {
  adminEmail: string;
  adminPassword: string;
  /** Demo tenant, users, bot and usage; skipped in production. */
  demo: { password: string } | null;
  /** The price list the plans follow; config/pricing.json by default. */
  catalog?: PricingCatalog;
  now?: Date;
}

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'owner@demo.voiceplane.local';
export const DEMO_USER_EMAIL = 'agent@demo.voiceplane.local';

/** The demo tenant's plan: a paying customer, so the fee, its features and usage prices show. */
const DEMO_PLAN = 'pro';

/**
 * Idempotent: every row is found by its natural key first, so seeding twice changes nothing. The plans follow the
 * price list first: seeding after each migration is how a deploy applies a changed pricing.json.
 */
export async function seed(orm: Orm, options: SeedOptions): Promise<void> {
  await syncPlansFromCatalog(orm, options.catalog ?? PricingCatalog.parse(pricingJson));
  await inScope(orm, { system: 'seed' }, async (em) => {
    await ensureUser(em, {
      email: options.adminEmail,
      name: 'Platform Admin',
      role: 'platform_admin',
      tenantId: null,
      password: options.adminPassword,
    });
    await em.flush();
    if (options.demo) await seedDemoTenant(em, options.demo, options.adminEmail, options.now ?? new Date());
  });
}

async function ensureUser(
  em: ScopedEm,
  user: { email: string; name: string; role: User['role']; tenantId: string | null; password: string },
): Promise<void> {
  const existing = await em.findOne(User, { email: user.email });
  const passwordHash = await hashPassword(user.password);
  if (existing) {
    existing.passwordHash = passwordHash;
    return;
  }
  em.create(User, { email: user.email, name: user.name, role: user.role, tenantId: user.tenantId, passwordHash });
}

async function seedDemoTenant(em: ScopedEm, demo: { password: string }, adminEmail: string, now: Date): Promise<void> {
  let tenant = await em.findOne(Tenant, { slug: DEMO_TENANT_SLUG });
  if (!tenant) {
    tenant = em.create(Tenant, {
      name: 'Demo Voice GmbH',
      slug: DEMO_TENANT_SLUG,
      status: 'active',
      onboardingStep: 'active',
      contactEmail: DEMO_ADMIN_EMAIL,
      verifiedAt: now,
    });
    await em.flush();
    em.create(TenantSettings, {
      tenantId: tenant.id,
      branding: { productName: 'Demo Voice', primaryColor: '#4f46e5' },
    });
    const plan = await em.findOneOrFail(Plan, { code: DEMO_PLAN });
    em.create(BillingAccount, {
      tenantId: tenant.id,
      stripeCustomerId: 'cus_local_demo',
      email: DEMO_ADMIN_EMAIL,
      currency: plan.currency,
    });
    const periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const periodEnd = new Date(periodEndsAt(periodOf(now)));
    em.create(Subscription, {
      tenantId: tenant.id,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: periodStart,
      currentPeriodEnd: periodEnd,
    });
  }
  await ensureUser(em, {
    email: DEMO_ADMIN_EMAIL,
    name: 'Dana Demo',
    role: 'customer_admin',
    tenantId: tenant.id,
    password: demo.password,
  });
  await ensureUser(em, {
    email: DEMO_USER_EMAIL,
    name: 'Alex Agent',
    role: 'customer_user',
    tenantId: tenant.id,
    password: demo.password,
  });

  let bot = await em.findOne(Bot, { tenantId: tenant.id, name: 'Reception Bot' });
  if (!bot) {
    bot = em.create(Bot, {
      tenantId: tenant.id,
      name: 'Reception Bot',
      status: 'ready',
      locale: 'de-AT',
      voice: 'elevenlabs:Rachel',
      greeting: 'Grüß Gott, Sie sprechen mit dem Empfang von Demo Voice. Wie kann ich helfen?',
      twilioNumber: '+4315550100',
      twilioNumberSid: 'PN00000000000000000000000000000001',
      herokuAppName: 'vp-demo-reception',
    });
  }
  await em.flush();

  const month = { year: now.getUTCFullYear(), month: now.getUTCMonth() };
  const daysSoFar = now.getUTCDate();
  for (let n = 0; n < 100; n += 1) {
    const kind: UsageKind = USAGE_KINDS[n % USAGE_KINDS.length]!;
    const occurredAt = new Date(Date.UTC(month.year, month.month, 1 + (n % daysSoFar), 8 + (n % 10), (n * 7) % 60));
    await em.upsert(
      UsageEvent,
      {
        tenantId: tenant.id,
        botId: bot.id,
        kind,
        quantity: demoQuantity(kind, n),
        occurredAt,
        idempotencyKey: `seed:${month.year}-${month.month + 1}:${n}`,
        source: 'seed',
        callSid: null,
      },
      { onConflictFields: ['idempotencyKey'], onConflictAction: 'ignore' },
    );
  }
  await seedDemoInvoices(em, tenant.id, now);
  await seedDemoTicket(em, tenant.id, adminEmail, now);
}

/**
 * Invoices for the two calendar months before `now`, the older one paid, the last one still open, rated on the demo
 * plan as the monthly invoicing rates them: the fee and the minutes beyond those included (the rest stays within).
 */
async function seedDemoInvoices(em: ScopedEm, tenantId: string, now: Date): Promise<void> {
  const plan = await em.findOneOrFail(Plan, { code: DEMO_PLAN });
  const months = [
    {
      monthsAgo: 2,
      status: 'paid',
      usage: { call_started: 812, minutes: 1612, stt_requests: 9340, tts_chars: 402_000 },
    },
    {
      monthsAgo: 1,
      status: 'open',
      usage: { call_started: 774, minutes: 1548, stt_requests: 8910, tts_chars: 371_500 },
    },
  ] as const;
  for (const { monthsAgo, status, usage } of months) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
    const periodStart = start.toISOString().slice(0, 10);
    if (await em.findOne(Invoice, { tenantId, periodStart })) continue;
    const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const period = periodStart.slice(0, 7).replace('-', '_');
    const rated = rateUsage(toPlanPricing(plan), usage);
    const invoice = em.create(Invoice, {
      tenantId,
      periodStart,
      periodEnd: lastDay.toISOString().slice(0, 10),
      stripeInvoiceId: `in_demo_${period}`,
      status,
      currency: plan.currency,
      totalCents: rated.totalCents,
      hostedInvoiceUrl: `https://invoice.stripe.com/i/demo_${period}`,
      pdfUrl: `https://invoice.stripe.com/i/demo_${period}/pdf`,
      createdAt: new Date(lastDay.getTime() + 86_400_000),
    });
    await em.flush();
    const sourcePeriod = periodStart.slice(0, 7);
    const lines = rated.lines.map((line) => ({ ...line, sourcePeriod }));
    storeInvoiceLines(em, { tenantId, invoiceId: invoice.id, lines });
  }
  await em.flush();
}

const DEMO_TICKET_SUBJECT = 'Callers after 18:00 hear the daytime greeting';

/** One open ticket from the demo agent, answered once by the platform admin. */
async function seedDemoTicket(em: ScopedEm, tenantId: string, adminEmail: string, now: Date): Promise<void> {
  if (await em.findOne(SupportTicket, { tenantId, subject: DEMO_TICKET_SUBJECT })) return;
  const author = await em.findOneOrFail(User, { email: DEMO_USER_EMAIL });
  const admin = await em.findOneOrFail(User, { email: adminEmail });
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const ticket = em.create(SupportTicket, {
    tenantId,
    authorUserId: author.id,
    subject: DEMO_TICKET_SUBJECT,
    body: 'Since Monday the Reception Bot greets evening callers with our office hours message. Can you check?',
    status: 'open',
    priority: 'normal',
    createdAt: hoursAgo(26),
    updatedAt: hoursAgo(3),
  });
  await em.flush();
  em.create(SupportTicketMessage, {
    tenantId,
    ticketId: ticket.id,
    authorUserId: admin.id,
    body: 'Thanks, Alex. We can reproduce it and are looking at the greeting schedule; we will report back today.',
    createdAt: hoursAgo(3),
  });
  await em.flush();
}

function demoQuantity(kind: UsageKind, n: number): number {
  switch (kind) {
    case 'call_started':
      return 1;
    case 'minutes':
      return 1 + (n % 7);
    case 'stt_requests':
      return 5 + (n % 11);
    case 'tts_chars':
      return 300 + (n % 13) * 40;
    case 'gpt_tokens':
      return 800 + (n % 17) * 90;
  }
}
