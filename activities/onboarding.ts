import { ApplicationFailure } from '@temporalio/activity';
import { BillingAccount, EmailOutbox, EmailVerification, Plan, Subscription, Tenant } from '../db/entities';
import type { Orm } from '../db/orm';
import { inScope } from '../db/scope';
import { hashToken, newOpaqueToken } from '../domain/auth/tokens';
import type { OnboardingStep } from '../domain/tenants/onboarding-steps';
import type { BillingProvider } from './adapters/billing-provider';
import type { Mailer } from './adapters/mailer';

export interface OnboardingActivityDeps {
  orm: Orm;
  billing: BillingProvider;
  mailer: Mailer;
  publicBaseUrl: string;
  currency: string;
}

const SYSTEM = { system: 'onboarding-worker' } as const;

/**
 * Side effects of tenant onboarding. Each activity checks before it creates, so a retry after a crash
 * (or a replayed workflow) never makes a second billing customer, subscription or email.
 */
export function createOnboardingActivities(deps: OnboardingActivityDeps) {
  const { orm } = deps;

  async function loadTenant(tenantId: string): Promise<Tenant> {
    const tenant = await inScope(orm, SYSTEM, (em) => em.findOne(Tenant, { id: tenantId }));
    if (!tenant) throw ApplicationFailure.nonRetryable(`Tenant ${tenantId} does not exist`, 'TenantNotFound');
    return tenant;
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
        const token = newOpaqueToken();
        em.create(EmailVerification, {
          tenantId,
          email: tenant.contactEmail,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + validForMs),
        });
        const link = `${deps.publicBaseUrl}/api/auth/verify?token=${token}`;
        const created = em.create(EmailOutbox, {
          tenantId,
          idempotencyKey,
          toAddress: tenant.contactEmail,
          subject: `Confirm ${tenant.name} on VoicePlane`,
          bodyText: `Welcome to VoicePlane!\n\nConfirm your email address to activate ${tenant.name}:\n${link}\n`,
          status: 'queued',
        });
        await em.flush();
        return created;
      });
      if (mail.status !== 'queued') return;
      const outcome = await deps.mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
      await inScope(orm, SYSTEM, (em) =>
        em.nativeUpdate(EmailOutbox, { id: mail.id }, { status: outcome, sentAt: new Date() }),
      );
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

    /** Removes a tenant that never verified, with its billing customer. Already removed or active: nothing to do. */
    async cleanupPendingTenant(tenantId: string): Promise<'removed' | 'kept' | 'absent'> {
      const tenant = await inScope(orm, SYSTEM, (em) => em.findOne(Tenant, { id: tenantId }));
      if (!tenant) return 'absent';
      if (tenant.status !== 'pending_verification') return 'kept';
      const account = await inScope(orm, SYSTEM, (em) => em.findOne(BillingAccount, { tenantId }));
      if (account) await deps.billing.deleteCustomer(account.stripeCustomerId);
      await inScope(orm, SYSTEM, (em) => em.nativeDelete(Tenant, { id: tenantId, status: 'pending_verification' }));
      return 'removed';
    },
  };
}

export type OnboardingActivities = ReturnType<typeof createOnboardingActivities>;
