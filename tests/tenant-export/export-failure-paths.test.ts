import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ExportFileState } from '../../domain/tenant-export/export-run';
import { exportProgressQuery, tenantExportExpiryWorkflowId } from '../../workflows/export-tenant';
import { failureOf as failureOfType } from '../support/failure-of';
import { withStandInWorker, type StandInActivities } from '../support/stand-in-worker';

type FailCall = { exportId: string; tenantId: string; reason: string };

/** Two tables, one batch each; `refuse` (when set) is what writing the second table throws. */
function exportActivities(refuse?: () => Error) {
  const failed: FailCall[] = [];
  const assembled: string[] = [];
  const activities: StandInActivities = {
    startTenantExport: async () => ({ files: ['bots.jsonl', 'calls.jsonl'] }),
    exportTableBatch: async (input: { state: ExportFileState; tableIndex: number }) => {
      if (refuse && input.tableIndex === 1) throw refuse();
      return { ...input.state, parts: 1, done: true, rows: 3 };
    },
    assembleTenantExport: async (input: { exportId: string }) => {
      assembled.push(input.exportId);
      return { files: 2, bytes: 1234, expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() };
    },
    failTenantExport: async (input: FailCall) => {
      failed.push(input);
    },
    expireTenantExport: async () => ({ expired: true, remainingMs: 0 }),
  };
  return { activities, failed, assembled };
}

async function failureOf(run: Promise<unknown>): Promise<string> {
  return ((await failureOfType(run, WorkflowFailedError)).cause as Error).message;
}

describe('tenant export failures', () => {
  it('marks the export failed with the refusal of the table that could not be read, and fails the run', async () => {
    const { activities, failed, assembled } = exportActivities(() =>
      ApplicationFailure.nonRetryable('permission denied for table calls', 'ExportRefused'),
    );
    const exportId = randomUUID();
    const tenantId = randomUUID();
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start('exportTenant', {
        taskQueue,
        workflowId: `tenant-export-${exportId}`,
        args: [{ exportId, tenantId }],
      });
      expect(await failureOf(handle.result())).toBe(`Export ${exportId} failed: permission denied for table calls`);
      // The first table was written before the refusal; the run reports where it stopped.
      expect(await handle.query(exportProgressQuery)).toEqual({ step: 'failed', tablesDone: 1, tablesTotal: 2 });
    });
    expect(failed).toEqual([{ exportId, tenantId, reason: 'permission denied for table calls' }]);
    expect(assembled).toEqual([]);
  });

  it('records a generic reason when the refusal carries no message', async () => {
    const { activities, failed } = exportActivities(() => ApplicationFailure.nonRetryable(''));
    const exportId = randomUUID();
    const tenantId = randomUUID();
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      const run = client.workflow.execute('exportTenant', {
        taskQueue,
        workflowId: `tenant-export-${exportId}`,
        args: [{ exportId, tenantId }],
      });
      expect(await failureOf(run)).toBe(`Export ${exportId} failed: `);
    });
    expect(failed).toEqual([{ exportId, tenantId, reason: 'The export failed' }]);
  });

  it('fails the export when its expiry run cannot be started because one is already running for it', async () => {
    const { activities, failed, assembled } = exportActivities();
    const exportId = randomUUID();
    const tenantId = randomUUID();
    await withStandInWorker(activities, async ({ client, taskQueue }) => {
      // An expiry for this export still waiting (its retention far off) holds the id the new one needs.
      const expiry = await client.workflow.start('tenantExportExpiry', {
        taskQueue,
        workflowId: tenantExportExpiryWorkflowId(exportId),
        args: [{ exportId, tenantId, expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() }],
      });
      try {
        const run = client.workflow.execute('exportTenant', {
          taskQueue,
          workflowId: `tenant-export-${exportId}`,
          args: [{ exportId, tenantId }],
        });
        expect(await failureOf(run)).toMatch(new RegExp(`^Export ${exportId} failed: .*already started`, 'i'));
      } finally {
        await expiry.terminate('test over');
      }
    });
    expect(assembled).toEqual([exportId]);
    expect(failed).toEqual([{ exportId, tenantId, reason: expect.stringMatching(/already started/i) }]);
  });
});

describe('tenant export expiry', () => {
  /** The outcomes `expireTenantExport` answers, in turn; each call is recorded. */
  function expiryActivities(outcomes: { expired: boolean; remainingMs: number }[]) {
    const calls: string[] = [];
    const activities: StandInActivities = {
      expireTenantExport: async (input: { exportId: string }) => {
        calls.push(input.exportId);
        return outcomes[Math.min(calls.length, outcomes.length) - 1];
      },
    };
    return { activities, calls };
  }

  const runExpiry = (activities: StandInActivities, exportId: string, expiresAt: string) =>
    withStandInWorker(activities, ({ client, taskQueue }) =>
      client.workflow.execute('tenantExportExpiry', {
        taskQueue,
        workflowId: tenantExportExpiryWorkflowId(exportId),
        args: [{ exportId, tenantId: randomUUID(), expiresAt }],
      }),
    );

  it('expires an export whose retention is already over without waiting', async () => {
    const { activities, calls } = expiryActivities([{ expired: true, remainingMs: 0 }]);
    const exportId = randomUUID();
    expect(await runExpiry(activities, exportId, new Date(Date.now() - 60_000).toISOString())).toBe('expired');
    expect(calls).toEqual([exportId]);
  });

  it('waits out a retention extended meanwhile, then expires the export', async () => {
    const { activities, calls } = expiryActivities([
      { expired: false, remainingMs: 300 },
      { expired: true, remainingMs: 0 },
    ]);
    const exportId = randomUUID();
    expect(await runExpiry(activities, exportId, new Date(Date.now() - 1).toISOString())).toBe('expired');
    expect(calls).toEqual([exportId, exportId]);
  });

  it('ends as not ready when the export has nothing left to expire', async () => {
    const { activities, calls } = expiryActivities([{ expired: false, remainingMs: 0 }]);
    const exportId = randomUUID();
    expect(await runExpiry(activities, exportId, new Date(Date.now() - 1).toISOString())).toBe('not_ready');
    expect(calls).toEqual([exportId]);
  });
});
