import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { activateTenant } from '../domain/tenants/activate-tenant';
import { checkSignupPayment } from '../domain/tenants/check-signup-payment';
import { stripeCustomerKey } from '../domain/billing/link-stripe-customer';
import { findPendingBillingCustomer } from '../domain/tenants/find-pending-billing-customer';
import { findQueuedEmail } from '../domain/tenants/find-queued-email';
import { getBillingCustomer } from '../domain/tenants/get-billing-customer';
import { issueVerificationEmail } from '../domain/tenants/issue-verification-email';
import type { OnboardingStep } from '../contracts/onboarding-step';
import type { BotRelease } from '../domain/bots/release-tenant-bots';
import { prepareBotRelease } from '../domain/tenants/prepare-bot-release';
import { recordBillingAccount } from '../domain/tenants/record-billing-account';
import { recordMailOutcome } from '../domain/tenants/record-mail-outcome';
import { recordOnboardingStep } from '../domain/tenants/record-onboarding-step';
import { removePendingTenant } from '../domain/tenants/remove-pending-tenant';
import { startDefaultPlan } from '../domain/tenants/start-default-plan';
import { tenantHasLiveBots } from '../domain/tenants/tenant-has-live-bots';
import type { BillingProvider } from './adapters/billing-provider';
import type { Mailer, MailOutcome } from './adapters/mailer';
import { domainCall } from './domain-failure';
import { permanentFailure } from './provider-failure';

export interface OnboardingActivityDeps {
  orm: Orm;
  billing: BillingProvider;
  mailer: Mailer;
  publicBaseUrl: string;
  currency: string;
}

const actor: SystemActor = { system: 'onboarding-worker' };
const tenantCall = <T>(work: () => Promise<T>) => domainCall(work, { notFound: 'TenantNotFound' });

interface QueuedMail {
  id: string;
  status: string;
  toAddress: string;
  subject: string;
  bodyText: string;
}

/**
 * Side effects of tenant onboarding and of the mails the API queues. Each activity checks before it creates, so a
 * retry after a crash (or a replayed workflow) never makes a second billing customer, subscription or email.
 */
export function createOnboardingActivities(deps: OnboardingActivityDeps) {
  /** Hands a queued outbox row to the mailer once and records what really happened to it. */
  async function deliver(mail: QueuedMail): Promise<MailOutcome | 'already_handled'> {
    if (mail.status !== 'queued') return 'already_handled';
    const outcome = await deps.mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
    await domainCall(() => recordMailOutcome(deps, { actor, outboxId: mail.id, outcome }));
    return outcome;
  }

  /** Deletes the tenant's billing customer at the provider, only while the tenant is still pending. */
  async function deleteBillingCustomerOf(tenantId: string): Promise<void> {
    const customerId = await domainCall(() => findPendingBillingCustomer(deps, { actor, tenantId }));
    if (customerId) await deps.billing.deleteCustomer(customerId);
  }

  return {
    async recordOnboardingStep(tenantId: string, step: OnboardingStep): Promise<void> {
      await domainCall(() => recordOnboardingStep(deps, { actor, tenantId, step }));
    },

    async createBillingAccount(tenantId: string): Promise<string> {
      const customer = await tenantCall(() => getBillingCustomer(deps, { actor, tenantId }));
      if (customer.customerId) return customer.customerId;
      const created = await deps.billing.createCustomer({
        idempotencyKey: stripeCustomerKey(tenantId),
        email: customer.email,
        name: customer.name,
        tenantId,
      });
      await domainCall(() =>
        recordBillingAccount(deps, {
          actor,
          tenantId,
          customerId: created.id,
          email: customer.email,
          currency: deps.currency,
        }),
      );
      return created.id;
    },

    async startDefaultPlan(tenantId: string): Promise<string> {
      return domainCall(() => startDefaultPlan(deps, { actor, tenantId }));
    },

    /** After verification: has the paid plan chosen at sign-up been bought through Checkout yet? */
    async checkSignupPayment(tenantId: string): Promise<'paid' | 'waiting' | 'gone'> {
      return domainCall(() => checkSignupPayment(deps, { actor, tenantId }));
    },

    async sendVerificationEmail(tenantId: string, validForMs: number): Promise<void> {
      const mail = await tenantCall(() => issueVerificationEmail(deps, { actor, tenantId, validForMs }));
      await deliver(mail);
    },

    /** Delivers a mail the API queued (a resent verification link, a notice to an account's owner). */
    async deliverQueuedEmail(outboxId: string): Promise<MailOutcome | 'already_handled' | 'absent'> {
      const mail = await domainCall(() => findQueuedEmail(deps, { actor, outboxId }));
      return mail ? deliver(mail) : 'absent';
    },

    async activateTenant(tenantId: string): Promise<void> {
      await tenantCall(() => activateTenant(deps, { actor, tenantId }));
    },

    /** Removal of an unverified tenant, step 1: which bots to deprovision (see prepareBotRelease). */
    async prepareTenantBotRelease(tenantId: string): Promise<BotRelease> {
      return domainCall(() => prepareBotRelease(deps, { actor, tenantId }));
    },

    /** Step 2, once every bot is deprovisioned. */
    deleteBillingCustomer: deleteBillingCustomerOf,

    /** Step 3: the row goes, with everything that cascades from it; refused while a bot may hold resources. */
    async removePendingTenant(tenantId: string): Promise<'removed' | 'kept' | 'absent'> {
      const outcome = await domainCall(() => removePendingTenant(deps, { actor, tenantId }));
      if (outcome === 'has_live_bots') {
        throw permanentFailure(
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
      if (await domainCall(() => tenantHasLiveBots(deps, { actor, tenantId }))) return 'kept';
      await deleteBillingCustomerOf(tenantId);
      const outcome = await domainCall(() => removePendingTenant(deps, { actor, tenantId }));
      return outcome === 'has_live_bots' ? 'kept' : outcome;
    },
  };
}

export type OnboardingActivities = ReturnType<typeof createOnboardingActivities>;
