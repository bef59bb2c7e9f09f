import { TenantExport } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { AppError, notFound } from '../errors/app-error';
import { planExportTables } from './export-tables';

/**
 * The run's first step: the export is running, and these are the files it will write (the tables this database
 * has). Repeating it changes nothing; an export already finished is not run again.
 */
export async function startExportRun(
  deps: { orm: Orm },
  { exportId, tenantId }: { exportId: string; tenantId: string },
): Promise<{ files: string[] }> {
  return inScope(deps.orm, { tenantId }, async (em) => {
    const row = await em.findOne(TenantExport, { id: exportId, tenantId });
    if (!row) throw notFound('Tenant export');
    if (row.status !== 'requested' && row.status !== 'running') {
      throw new AppError('conflict', `The export is ${row.status}; it is not run again`);
    }
    const files = await planExportTables(em);
    row.status = 'running';
    row.tablesTotal = files.length;
    await em.flush();
    return { files };
  });
}
