import { ApplicationFailure } from '@temporalio/activity';
import { BillingAccount, Bot, EmailOutbox, Plan, Subscription, Tenant } from '../db/entities';
import type { Orm } from '../db/orm';
import { inScope } from '../db/scope';
import type { OnboardingStep } from '../domain/tenants/onboarding-steps';
import { prepareBotRelease, type BotRelease } from '../domain/tenants/prepare-bot-release';
import { queueVerificationEmail } from '../domain/tenants/queue-verification-email';
import { removePendingTenant } from '../domain/tenants/remove-pending-tenant';
import type { BillingProvider } from './adapters/billing-provider';
import type { Mailer, MailOutcome } from './adapters/mailer';

export interface OnboardingActivityDeps {
  orm: Orm;
  billing: BillingProvider;
  mailer: Mailer;
  publicBaseUrl: string;
  currency: string;
}

const SYSTEM = { system: 'onboarding-worker' } as const;

/**
 * Side effects of tenant onboarding and of the mails the API queues. Each activity checks before it creates, so a
 * retry after a crash (or a replayed workflow) never makes a second billing customer, subscription or email.
 */
export function createOnboardingActivities(deps: OnboardingActivityDeps) {
  const { orm } = deps;

  async function loadTenant(tenantId: string): Promise<Tenant> {
    const tenant = await inScope(orm, SYSTEM, (em) => em.findOne(Tenant, { id: tenantId }));
    if (!tenant) throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} does not exist`, 'TenantNotFound');
    return tenant;
  }

  /** Hands a queued outbox row to the mailer once and records what really happened to it. */
  async function deliver(mail: EmailOutbox): Promise<MailOutcome | 'already_handled'> {
    if (mail.status !== 'queued') return 'already_handled';
    const outcome = await deps.mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
    await inScope(orm, SYSTEM, (em) =>
      em.nativeUpdate(
        EmailOutbox,
        { id: mail.id, status: 'queued' },
        { status: outcome, sentAt: outcome === 'sent' ? new Date() : null },
      ),
    );
    return outcome;
  }

  /** Deletes the tenant's billing customer at the provider, only while the tenant is still pending. */
  async function deleteBillingCustomerOf(tenantId: string): Promise<void> {
    const account = await inScope(orm, SYSTEM, async (em) => {
      const tenant = await em.findOne(Tenant, { id: tenantId });
      return tenant?.status === 'pending_verification' ? em.findOne(BillingAccount, { tenantId }) : null;
    });
    if (account) await deps.billing.deleteCustomer(account.stripeCustomerId);
  }

  return {
    async recordOnboardingStep(tenantId: string, step: OnboardingStep): Promise<void> {
      await inScope(orm, SYSTEM, (em) => em.nativeUpdate(Tenant, { id: tenantId }, { onboardingStep: step }));
    },

    async createBillingAccount(tenantId: string): Promise<string> {
      const tenant = await loadTenant(tenantId);
      const existing = await inScope(orm, SYSTEM, (em) => em.findOne(BillingAccount, { tenantId }));
      if (existing) return existing.stripeCustomerId;
      const customer = await deps.billing.createCustomer({
        idempotencyKey: `tenant-${tenantId}-customer`,
        email: tenant.contactEmail,
        name: tenant.name,
        tenantId,
      });
      await inScope(orm, SYSTEM, async (em) => {
        await em.upsert(
          BillingAccount,
          { tenantId, stripeCustomerId: customer.id, email: tenant.contactEmail, currency: deps.currency },
          { onConflictFields: ['tenantId'], onConflictAction: 'ignore' },
        );
      });
      return customer.id;
    },

    async startDefaultPlan(tenantId: string): Promise<string> {
      return inScope(orm, SYSTEM, async (em) => {
        const active = await em.findOne(Subscription, { tenantId, status: 'active' });
        const plan = await em.findOne(Plan, { isDefault: true });
        if (!plan) throw ApplicationFailure.nonRetryable('No default plan is configured', 'NoDefaultPlan');
        if (active) return plan.code;
        const start = new Date();
        const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
        em.create(Subscription, {
          tenantId,
          planId: plan.id,
          status: 'active',
          currentPeriodStart: start,
          currentPeriodEnd: end,
        });
        await em.flush();
        return plan.code;
      });
    },

    async sendVerificationEmail(tenantId: string, validForMs: number): Promise<void> {
      const tenant = await loadTenant(tenantId);
      const idempotencyKey = `verify-email-${tenantId}`;
      const mail = await inScope(orm, SYSTEM, async (em) => {
        const queued = await em.findOne(EmailOutbox, { idempotencyKey });
        if (queued) return queued;
        const expiresAt = new Date(Date.now() + validForMs);
        const { publicBaseUrl } = deps;
        const created = queueVerificationEmail(em, { tenant, idempotencyKey, expiresAt, publicBaseUrl });
        await em.flush();
        return created;
      });
      await deliver(mail);
    },

    /** Delivers a mail the API queued (a resent verification link, a notice to an account's owner). */
    async deliverQueuedEmail(outboxId: string): Promise<MailOutcome | 'already_handled' | 'absent'> {
      const mail = await inScope(orm, SYSTEM, (em) => em.findOne(EmailOutbox, { id: outboxId }));
      return mail ? deliver(mail) : 'absent';
    },

    async activateTenant(tenantId: string): Promise<void> {
      await inScope(orm, SYSTEM, async (em) => {
        const tenant = await em.findOne(Tenant, { id: tenantId });
        if (!tenant) throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} does not exist`, 'TenantNotFound');
        tenant.status = 'active';
        tenant.onboardingStep = 'active';
        tenant.verifiedAt ??= new Date();
        await em.flush();
      });
    },

    /** Removal of an unverified tenant, step 1: which bots to deprovision (see prepareBotRelease). */
    async prepareTenantBotRelease(tenantId: string): Promise<BotRelease> {
      return inScope(orm, SYSTEM, (em) => prepareBotRelease(em, tenantId, SYSTEM));
    },

    /** Step 2, once every bot is deprovisioned. */
    deleteBillingCustomer: deleteBillingCustomerOf,

    /** Step 3: the row goes, with everything that cascades from it; refused while a bot may hold resources. */
    async removePendingTenant(tenantId: string): Promise<'removed' | 'kept' | 'absent'> {
      const outcome = await inScope(orm, SYSTEM, (em) => removePendingTenant(em, tenantId));
      if (outcome === 'has_live_bots') {
        throw ApplicationFailure.nonRetryable(
          `Tenant ${tenantId} still has bots that may hold provider resources; it was kept`,
          'TenantHasLiveBots',
        );
      }
      return outcome;
    },

    /**
     * The removal of runs recorded before the bot-release step existed (see the workflow's patch). It never
     * deletes a tenant whose bots may still hold an app or a number: such a tenant is kept for an operator.
     */
    async cleanupPendingTenant(tenantId: string): Promise<'removed' | 'kept' | 'absent'> {
      const liveBots = await inScope(orm, SYSTEM, (em) =>
        em.count(Bot, { tenantId, status: { $ne: 'deprovisioned' } }),
      );
      if (liveBots > 0) return 'kept';
      await deleteBillingCustomerOf(tenantId);
      const outcome = await inScope(orm, SYSTEM, (em) => removePendingTenant(em, tenantId));
      return outcome === 'has_live_bots' ? 'kept' : outcome;
    },
  };
}

export type OnboardingActivities = ReturnType<typeof createOnboardingActivities>;
