import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { InvoicingActivities } from '../../activities/invoicing';
import type { TemporalTarget } from '../../temporal/client';
import { startFloorWorker } from './floor-worker';

const FLOOR_WORKFLOWS_PATH = path.resolve(__dirname, 'invoicing-workflows.ts');

/**
 * The invoicing floor: the platform's own `monthlyInvoicing` and `invoiceTenant` workflows on the same Temporal
 * server, on a task queue of their own, with stand-ins for the invoicing activities that do no I/O and answer
 * what the platform's would for the same tenants: one page after another of tenant ids, `to_bill` with as many
 * lines for a tenant the platform bills, `nothing_to_bill` for one it settles at zero. So every tenant makes the
 * same activity calls as on the platform; what is left is the cost of Temporal itself. Tenant ids are fresh
 * (`invoice-<tenantId>-<period>` ids are unique in the namespace).
 */
export async function startInvoicingFloor(options: {
  temporalAddress: string;
  tenants: { toBill: boolean; lines: number }[];
}): Promise<{ target: TemporalTarget; stop(): Promise<void> }> {
  const tenants = options.tenants
    .map((tenant) => ({ ...tenant, id: randomUUID() as string }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const byId = new Map(tenants.map((tenant) => [tenant.id, tenant]));
  const activities: InvoicingActivities = {
    async listBillableTenants({ afterTenantId, limit }) {
      const from = afterTenantId === null ? 0 : tenants.findIndex((tenant) => tenant.id === afterTenantId) + 1;
      return tenants.slice(from, from + limit).map((tenant) => tenant.id);
    },
    async preparePeriodInvoice({ tenantId }) {
      const tenant = byId.get(tenantId)!;
      const invoice = { invoiceId: tenantId, currency: 'EUR', lineCount: tenant.lines };
      return tenant.toBill
        ? { outcome: 'to_bill', totalCents: 1, ...invoice }
        : { outcome: 'nothing_to_bill', totalCents: 0, ...invoice };
    },
    createStripeDraft: async ({ invoiceId }) => `in_floor_${invoiceId}`,
    addStripeLines: async ({ invoiceId }) => byId.get(invoiceId)!.lines,
    finalizeStripeInvoice: async () => {},
    discardStripeDraft: async () => {},
    markInvoiceFailed: async () => {},
  };
  return startFloorWorker({
    temporalAddress: options.temporalAddress,
    queuePrefix: 'bench-invoicing-floor',
    workflowsPath: FLOOR_WORKFLOWS_PATH,
    activities,
  });
}
