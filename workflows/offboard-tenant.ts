import {
  ApplicationFailure,
  defineQuery,
  executeChild,
  patched,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { OffboardingActivities } from '../activities/offboarding';
import { OFFBOARDING_STEPS } from '../contracts/offboarding-steps';
import type { StepRetryPolicy } from '../domain/provisioning/retry-policy';
import { provisioningWorkflowId } from '../domain/provisioning/provisioning-steps';
import { updateStep, type JobProgress } from '../domain/provisioning/step-progress';
import { tenantExportWorkflowId } from '../domain/tenant-export/export-keys';
import { BotIdAttribute, TenantIdAttribute } from '../temporal/search-attributes';
import { deprovisionBot } from './deprovision-bot';
import type { exportTenant } from './export-tenant';
import type { ProvisioningTiming } from './saga/provisioning-timing';
import { failureMessage, StepFailedError, StepRunner } from './saga/step-runner';

export const offboardingProgressQuery = defineQuery<JobProgress>('offboardingProgress');

/** Runs from before it kept the Stripe customer and the recordings; from it on both are deleted. */
export const DELETE_CUSTOMER_AND_RECORDINGS_PATCH = 'offboarding-deletes-customer-and-recordings';

export interface OffboardingTiming {
  activityTimeoutMs: number;
  /** The hard delete of a large tenant takes a while (a batch per transaction). */
  purgeTimeoutMs: number;
  /** Every step's bounded retries; each attempt shows in the progress. */
  stepRetry: StepRetryPolicy;
  /** A bot still provisioning is awaited, checked this often, at most `botWaitChecks` times. */
  botWaitMs: number;
  botWaitChecks: number;
  /** Passed to each bot's `deprovisionBot` run. */
  deprovision?: Partial<ProvisioningTiming>;
}

export const DEFAULT_OFFBOARDING_TIMING: OffboardingTiming = {
  activityTimeoutMs: 60_000,
  purgeTimeoutMs: 15 * 60_000,
  stepRetry: { maxAttempts: 8, initialIntervalMs: 2_000, backoff: 2, maxIntervalMs: 5 * 60_000 },
  botWaitMs: 60_000,
  botWaitChecks: 60,
};

export interface OffboardTenantInput {
  tenantId: string;
  /** The run record (`offboarding_runs`) the progress is mirrored into. */
  runId: string;
  timing?: Partial<OffboardingTiming>;
}

export interface OffboardTenantResult {
  exportId: string;
  deleted: Record<string, number>;
}

/**
 * Offboards a tenant (`offboard-tenant-<tenantId>`): marks it offboarding, exports its data (child
 * `exportTenant`), cancels its Stripe subscription and then deletes its Stripe customer, deprovisions every bot
 * (child `deprovisionBot` each), stops the ElevenLabs sync and deletes the integration, deletes its call recordings,
 * hard-deletes its rows, and records the audit entry.
 *
 * Recovery is forward only: there is no compensation. Un-cancelling a subscription, buying back a released number
 * or restoring deleted rows would be wrong (and partly impossible), so a failed step is retried within bounds and a
 * run that still fails stays `error` with the tenant `offboarding` (sessions, sign-in and calls refused) until an
 * admin resumes it; every step is idempotent, so the resumed run repeats the done ones harmlessly.
 */
export async function offboardTenant(input: OffboardTenantInput): Promise<OffboardTenantResult> {
  const { tenantId, runId } = input;
  const timing = { ...DEFAULT_OFFBOARDING_TIMING, ...input.timing };
  // Each call is one attempt: the step runner retries, so attempts and errors are part of the progress.
  const once = proxyActivities<OffboardingActivities>({
    startToCloseTimeout: timing.activityTimeoutMs,
    retry: { maximumAttempts: 1 },
  });
  const purge = proxyActivities<OffboardingActivities>({
    startToCloseTimeout: timing.purgeTimeoutMs,
    retry: { maximumAttempts: 1 },
  });
  const durable = proxyActivities<OffboardingActivities>({
    startToCloseTimeout: timing.activityTimeoutMs,
    retry: { initialInterval: 500, backoffCoefficient: 2, maximumInterval: 30_000, maximumAttempts: 50 },
  });
  const runner = new StepRunner(OFFBOARDING_STEPS, (progress) => durable.recordOffboardingProgress(runId, progress));
  setHandler(offboardingProgressQuery, () => runner.progress);
  const retry = timing.stepRetry;

  try {
    await runner.run('mark_offboarding', retry, () => once.markTenantOffboarding({ runId, tenantId }));

    const exportId = await runner.run('export', retry, async () => {
      const id = await once.requestOffboardingExport({ runId, tenantId });
      await executeChild<typeof exportTenant>('exportTenant', {
        workflowId: tenantExportWorkflowId(id),
        args: [{ exportId: id, tenantId }],
        typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
      });
      return id;
    });

    await runner.run('cancel_subscription', retry, async () => {
      for (const subscriptionId of await once.findOffboardingSubscriptions(tenantId)) {
        await once.cancelOffboardedSubscription({
          subscriptionId,
          idempotencyKey: `offboard-tenant-${tenantId}/cancel/${subscriptionId}`,
        });
      }
    });

    // Runs started before the patch go on as they began: both steps show as skipped, no command is added.
    const deletesLeftovers = patched(DELETE_CUSTOMER_AND_RECORDINGS_PATCH);
    if (!deletesLeftovers) runner.progress = skipped(runner.progress, ['delete_customer', 'delete_recordings']);

    // After the cancel, so the subscription ends by the platform's own request, not as a side effect of the delete.
    if (deletesLeftovers) {
      await runner.run('delete_customer', retry, async () => {
        for (const customerId of await once.findOffboardingCustomers(tenantId)) {
          await once.deleteOffboardedCustomer(customerId);
        }
      });
    }

    await runner.run('deprovision_bots', retry, () => deprovisionEveryBot(tenantId, timing, once));
    await runner.run('stop_sync', retry, () => once.stopOffboardedSync(tenantId));
    // After the sync stopped (nothing writes recordings any more), before the rows go (the guard needs the tenant).
    if (deletesLeftovers) {
      await runner.run('delete_recordings', retry, () => purge.removeOffboardedRecordings(tenantId));
    }
    const deleted = await runner.run('delete_rows', retry, () => purge.purgeTenantRows(tenantId));
    await runner.run('record_audit', retry, () => once.recordTenantOffboarded({ tenantId, runId, exportId, deleted }));
    await runner.finish('done');
    return { exportId, deleted };
  } catch (error) {
    const reason = error instanceof StepFailedError ? error.message : failureMessage(error);
    await runner.finish('error', reason);
    throw ApplicationFailure.nonRetryable(reason, 'OffboardingFailed');
  }
}

/** The steps marked skipped without recording it: the next transition records them with the rest. */
const skipped = (progress: JobProgress, names: string[]): JobProgress =>
  names.reduce((changed, name) => updateStep(changed, name, { status: 'skipped' }), progress);

/** Waits (bounded) for bots still provisioning, then runs one `deprovisionBot` child per bot, all to their end. */
async function deprovisionEveryBot(
  tenantId: string,
  timing: OffboardingTiming,
  activities: { prepareOffboardingBotRelease: OffboardingActivities['prepareOffboardingBotRelease'] },
): Promise<number> {
  for (let check = 1; ; check += 1) {
    const release = await activities.prepareOffboardingBotRelease(tenantId);
    if (release.kind === 'nothing_to_remove') return 0;
    if (release.kind === 'release') {
      // Every child runs to its end (a parent closing early would terminate its siblings half-way).
      const results = await Promise.allSettled(
        release.bots.map((bot) =>
          executeChild(deprovisionBot, {
            workflowId: provisioningWorkflowId('deprovision', bot.botId, bot.jobId),
            args: [{ botId: bot.botId, tenantId, jobId: bot.jobId, timing: timing.deprovision }],
            typedSearchAttributes: [
              { key: TenantIdAttribute, value: tenantId },
              { key: BotIdAttribute, value: bot.botId },
            ],
          }),
        ),
      );
      const failed = results.filter((result) => result.status === 'rejected').length;
      if (failed > 0) throw new Error(`${failed} of ${release.bots.length} bot(s) could not be deprovisioned`);
      return release.bots.length;
    }
    if (check >= timing.botWaitChecks) {
      throw new Error(`${release.provisioningBots} bot(s) are still provisioning; none was released yet`);
    }
    await sleep(timing.botWaitMs);
  }
}
