import type { Client } from '@temporalio/client';
import { AppError } from '../domain/errors/app-error';
import { tenantExportWorkflowId } from '../domain/tenant-export/export-keys';
import type { TenantExportWorkflows } from '../domain/tenant-export/export-port';
import { exportTenant } from '../workflows/export-tenant';
import { ignoringAlreadyStarted, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/** The export port backed by Temporal: one `exportTenant` run per export, searchable by `TenantId`. */
export function createTenantExportClient(client: Client, target: TemporalTarget): TenantExportWorkflows {
  return {
    async start({ exportId, tenantId }) {
      const workflowId = tenantExportWorkflowId(exportId);
      await ignoringAlreadyStarted(
        client.workflow.start(exportTenant, {
          taskQueue: target.taskQueue,
          workflowId,
          args: [{ exportId, tenantId }],
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        }),
      ).catch((error: unknown) => {
        throw new AppError('unavailable', 'The export could not be started', { cause: error });
      });
      return { workflowId };
    },
  };
}
