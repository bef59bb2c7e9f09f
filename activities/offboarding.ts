import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import type { AudioStore } from '../domain/conversations/audio-store';
import { findOffboardingCustomers } from '../domain/offboarding/find-offboarding-customers';
import { findOffboardingSubscriptions } from '../domain/offboarding/find-offboarding-subscriptions';
import { markTenantOffboarding } from '../domain/offboarding/mark-tenant-offboarding';
import { prepareOffboardingBotRelease } from '../domain/offboarding/prepare-offboarding-bot-release';
import { purgeTenantRows } from '../domain/offboarding/purge-tenant-rows';
import { findOffboardingExport, recordOffboardingExport } from '../domain/offboarding/record-offboarding-export';
import { recordOffboardingProgress } from '../domain/offboarding/record-offboarding-progress';
import { recordTenantOffboarded } from '../domain/offboarding/record-tenant-offboarded';
import { removeOffboardedIntegrations } from '../domain/offboarding/remove-offboarded-integrations';
import { removeOffboardedRecordings } from '../domain/offboarding/remove-offboarded-recordings';
import type { TenantWorkflowStops } from '../domain/offboarding/tenant-workflows-port';
import type { JobProgress } from '../domain/provisioning/step-progress';
import type { BotRelease } from '../domain/bots/release-tenant-bots';
import { requestTenantExport } from '../domain/tenant-export/request-export';
import type { BillingProvider } from './adapters/billing-provider';
import { domainCall } from './domain-failure';
import { providerCall } from './provider-failure';

export interface OffboardingActivityDeps {
  orm: Orm;
  billing: BillingProvider;
  /** The recordings store (disk or S3), where the tenant's call recordings are deleted. */
  audio: AudioStore;
  /** Stops the tenant's conversation sync (worker port, over the worker's own Temporal connection). */
  tenantWorkflows: TenantWorkflowStops;
}

const actor: SystemActor = { system: 'offboarding-worker' };

/**
 * The side effects of `offboardTenant`. Each checks before it acts and may repeat after a crash: a second cancel
 * of a Stripe subscription finds it ended, a second delete of its customer finds it gone, a second removal of the
 * recordings or purge finds nothing left, the final audit is written once.
 */
export function createOffboardingActivities(deps: OffboardingActivityDeps) {
  return {
    async recordOffboardingProgress(runId: string, progress: JobProgress): Promise<void> {
      await domainCall(() => recordOffboardingProgress(deps, { actor, runId, progress }));
    },

    async markTenantOffboarding(input: { runId: string; tenantId: string }): Promise<string> {
      return domainCall(() => markTenantOffboarding(deps, { actor, ...input }));
    },

    /** The run's export row, requested once: a repeated step gets the one it asked for before. */
    async requestOffboardingExport(input: { runId: string; tenantId: string }): Promise<string> {
      const known = await domainCall(() => findOffboardingExport(deps, { actor, runId: input.runId }));
      if (known) return known;
      const requested = await domainCall(() => requestTenantExport(deps, { actor, tenantId: input.tenantId }));
      await domainCall(() => recordOffboardingExport(deps, { actor, runId: input.runId, exportId: requested.id }));
      return requested.id;
    },

    async findOffboardingSubscriptions(tenantId: string): Promise<string[]> {
      return domainCall(() => findOffboardingSubscriptions(deps, { actor, tenantId }));
    },

    /** Cancels at Stripe; one that is already cancelled (or gone) counts as done. */
    async cancelOffboardedSubscription(input: {
      subscriptionId: string;
      idempotencyKey: string;
    }): Promise<'canceled' | 'absent'> {
      return providerCall(() =>
        deps.billing.cancelSubscription(input.subscriptionId, { idempotencyKey: input.idempotencyKey }),
      );
    },

    async findOffboardingCustomers(tenantId: string): Promise<string[]> {
      return domainCall(() => findOffboardingCustomers(deps, { actor, tenantId }));
    },

    /** Deletes the customer at Stripe (its payment methods and personal data with it); one already gone is done. */
    async deleteOffboardedCustomer(customerId: string): Promise<void> {
      await providerCall(() => deps.billing.deleteCustomer(customerId));
    },

    async prepareOffboardingBotRelease(tenantId: string): Promise<BotRelease> {
      return domainCall(() => prepareOffboardingBotRelease(deps, { actor, tenantId }));
    },

    /** Schedule and runs first, then the integration with its sealed keys, so no sync opens a deleted key. */
    async stopOffboardedSync(tenantId: string): Promise<{ runsEnded: number; integrationsRemoved: number }> {
      const { runsEnded } = await deps.tenantWorkflows.stopConversationSync(tenantId);
      const integrationsRemoved = await domainCall(() => removeOffboardedIntegrations(deps, { actor, tenantId }));
      return { runsEnded, integrationsRemoved };
    },

    /** Every recording in the tenant's folder of the store; returns how many went. */
    async removeOffboardedRecordings(tenantId: string): Promise<number> {
      return domainCall(() => removeOffboardedRecordings(deps, { actor, tenantId }));
    },

    async purgeTenantRows(tenantId: string): Promise<Record<string, number>> {
      return domainCall(() => purgeTenantRows(deps, { actor, tenantId }));
    },

    async recordTenantOffboarded(input: {
      tenantId: string;
      runId: string;
      exportId: string | null;
      deleted: Record<string, number>;
    }): Promise<void> {
      await domainCall(() => recordTenantOffboarded(deps, { actor, ...input }));
    },
  };
}

export type OffboardingActivities = ReturnType<typeof createOffboardingActivities>;
