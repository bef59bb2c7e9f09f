import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { JobProgress } from '../../domain/provisioning/step-progress';
import type { BotRelease } from '../../domain/bots/release-tenant-bots';
import { offboardingProgressQuery, type OffboardingTiming } from '../../workflows/offboard-tenant';
import { withStandInWorker, type StandInActivities } from '../support/stand-in-worker';

/**
 * Two attempts per step, a short wait between them; bots still provisioning are checked twice. Only the purge's
 * timeout is short (one test lets it expire); the others leave a loaded machine room, as attempts are counted.
 */
const TIMING: Partial<OffboardingTiming> = {
  activityTimeoutMs: 10_000,
  purgeTimeoutMs: 1_000,
  stepRetry: { maxAttempts: 2, initialIntervalMs: 50, backoff: 1, maxIntervalMs: 50 },
  botWaitMs: 50,
  botWaitChecks: 2,
  deprovision: {
    activityTimeoutMs: 10_000,
    providerRetry: { maxAttempts: 2, initialIntervalMs: 50, backoff: 1, maxIntervalMs: 50 },
  },
};

/**
 * Every activity of an offboarding (its export and bots' deprovisioning children included) as a stand-in that
 * succeeds, unless overridden; the recorded progress and the calls are kept for the assertions.
 */
function offboardingActivities(overrides: StandInActivities) {
  const calls: string[] = [];
  const recorded: JobProgress[] = [];
  const ok =
    (name: string, result: unknown = undefined) =>
    async () => {
      calls.push(name);
      return result;
    };
  const activities: StandInActivities = {
    recordOffboardingProgress: async (_runId: string, progress: JobProgress) => {
      recorded.push(progress);
    },
    markTenantOffboarding: ok('markTenantOffboarding', 'offboarding'),
    requestOffboardingExport: async () => randomUUID(),
    // The export child: one empty table, an archive whose retention is over (its expiry run ends at once).
    startTenantExport: async () => ({ files: ['bots.jsonl'] }),
    exportTableBatch: async (input: { state: object }) => ({ ...input.state, done: true, rows: 0 }),
    assembleTenantExport: async () => ({ files: 1, bytes: 10, expiresAt: new Date(0).toISOString() }),
    failTenantExport: ok('failTenantExport'),
    expireTenantExport: async () => ({ expired: true, remainingMs: 0 }),
    findOffboardingSubscriptions: async () => [],
    cancelOffboardedSubscription: ok('cancelOffboardedSubscription'),
    findOffboardingCustomers: async () => [],
    deleteOffboardedCustomer: ok('deleteOffboardedCustomer'),
    prepareOffboardingBotRelease: async (): Promise<BotRelease> => ({ kind: 'nothing_to_remove' }),
    stopOffboardedSync: ok('stopOffboardedSync', { runsEnded: 0, integrationsRemoved: 1 }),
    removeOffboardedRecordings: ok('removeOffboardedRecordings', 0),
    purgeTenantRows: ok('purgeTenantRows', { bots: 2, users: 3 }),
    recordTenantOffboarded: ok('recordTenantOffboarded'),
    // The bots' deprovisioning children.
    recordJobProgress: async () => undefined,
    loadBotForProvisioning: async (botId: string) => ({ appName: `app-${botId}` }),
    releaseBotNumbers: async (botId: string) => {
      calls.push(`releaseBotNumbers ${botId}`);
    },
    deleteBotApp: async () => undefined,
    markBotDeprovisioned: async (botId: string) => {
      calls.push(`markBotDeprovisioned ${botId}`);
    },
    ...overrides,
  };
  return { activities, calls, recorded };
}

/** Runs an offboarding to its end: its result or its failure's message, and what its query answers then. */
async function offboard(activities: StandInActivities) {
  return withStandInWorker(activities, async ({ client, taskQueue }) => {
    const handle = await client.workflow.start('offboardTenant', {
      taskQueue,
      workflowId: `offboard-tenant-${randomUUID()}`,
      args: [{ tenantId: randomUUID(), runId: randomUUID(), timing: TIMING }],
    });
    const outcome = await handle.result().then(
      (result: unknown) => ({ result }),
      (error: unknown) => {
        expect(error).toBeInstanceOf(WorkflowFailedError);
        const cause = (error as WorkflowFailedError).cause as ApplicationFailure;
        return { type: cause.type, failure: cause.message };
      },
    );
    return { outcome, progress: await handle.query(offboardingProgressQuery) };
  });
}

const step = (progress: JobProgress, name: string) => {
  const found = progress.steps.find((candidate) => candidate.name === name)!;
  return { status: found.status, attempts: found.attempts, lastError: found.lastError };
};

describe('offboarding failures', () => {
  it('finishes a tenant that has no bot left to release, and reports every step done', async () => {
    const { activities, calls, recorded } = offboardingActivities({});
    const { outcome, progress } = await offboard(activities);
    expect(outcome).toEqual({ result: { exportId: expect.any(String), deleted: { bots: 2, users: 3 } } });
    expect(progress.status).toBe('done');
    expect(progress.steps.filter((candidate) => candidate.status !== 'done')).toEqual([]);
    expect(recorded.at(-1)).toEqual(progress);
    expect(calls).not.toContain('failTenantExport');
  });

  it('stops at a step refused permanently, without retrying it or running the later steps', async () => {
    const { activities, calls, recorded } = offboardingActivities({
      stopOffboardedSync: async () => {
        throw ApplicationFailure.nonRetryable('integration is locked by another run');
      },
    });
    const { outcome, progress } = await offboard(activities);
    expect(outcome).toEqual({ type: 'OffboardingFailed', failure: 'stop_sync: integration is locked by another run' });
    expect({ status: progress.status, error: progress.error }).toEqual({
      status: 'error',
      error: 'stop_sync: integration is locked by another run',
    });
    expect(step(progress, 'stop_sync')).toEqual({
      status: 'failed',
      attempts: 1,
      lastError: 'integration is locked by another run',
    });
    expect(step(progress, 'delete_rows').status).toBe('pending');
    expect(calls).not.toContain('purgeTenantRows');
    // The run record ends in the same state the query reports.
    expect(recorded.at(-1)).toEqual(progress);
  });

  it('fails a step whose every attempt timed out, naming the timeout', async () => {
    const { activities, calls } = offboardingActivities({
      removeOffboardedRecordings: async () => {
        // Longer than the purge timeout: each attempt is abandoned by the workflow.
        await delay(1_500);
        return 0;
      },
    });
    const { outcome, progress } = await offboard(activities);
    expect(outcome).toEqual({ type: 'OffboardingFailed', failure: 'delete_recordings: timed out (START_TO_CLOSE)' });
    expect(step(progress, 'delete_recordings')).toEqual({
      status: 'failed',
      attempts: 2,
      lastError: 'timed out (START_TO_CLOSE)',
    });
    expect(calls).not.toContain('purgeTenantRows');
  });

  it('gives up waiting for bots still provisioning after the configured checks', async () => {
    let checks = 0;
    const { activities } = offboardingActivities({
      prepareOffboardingBotRelease: async (): Promise<BotRelease> => {
        checks += 1;
        return { kind: 'wait', provisioningBots: 2 };
      },
    });
    const { outcome, progress } = await offboard(activities);
    const reason = '2 bot(s) are still provisioning; none was released yet';
    expect(outcome).toEqual({ type: 'OffboardingFailed', failure: `deprovision_bots: ${reason}` });
    expect(step(progress, 'deprovision_bots')).toEqual({ status: 'failed', attempts: 2, lastError: reason });
    // Two checks per attempt, two attempts.
    expect(checks).toBe(4);
  });

  it('deprovisions every bot it can when one cannot be released, then fails the step', async () => {
    const { activities, calls } = offboardingActivities({
      prepareOffboardingBotRelease: async (): Promise<BotRelease> => ({
        kind: 'release',
        bots: [
          { botId: 'bot-stuck', jobId: randomUUID() },
          { botId: 'bot-fine', jobId: randomUUID() },
        ],
      }),
      releaseBotNumbers: async (botId: string) => {
        calls.push(`releaseBotNumbers ${botId}`);
        if (botId === 'bot-stuck') throw ApplicationFailure.nonRetryable('number is ported out');
      },
    });
    const { outcome, progress } = await offboard(activities);
    const reason = '1 of 2 bot(s) could not be deprovisioned';
    expect(outcome).toEqual({ type: 'OffboardingFailed', failure: `deprovision_bots: ${reason}` });
    expect(step(progress, 'deprovision_bots')).toEqual({ status: 'failed', attempts: 2, lastError: reason });
    // Each attempt ran both children to their end: the other bot was deprovisioned both times.
    expect(calls.filter((call) => call.startsWith('markBotDeprovisioned'))).toEqual([
      'markBotDeprovisioned bot-fine',
      'markBotDeprovisioned bot-fine',
    ]);
    expect(calls).not.toContain('stopOffboardedSync');
  });
});
