import { Invoice } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { InvoiceListQuery, InvoiceView } from '../../contracts/invoices';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import { toInvoiceView } from './invoice-view';

/** Customers see their tenant's invoices; platform staff see all, optionally filtered by tenant. Newest period first. */
export async function listInvoices(
  deps: { orm: Orm },
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: InvoiceListQuery },
): Promise<Page<InvoiceView>> {
  assertCan(actor, 'invoices:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = {
      ...(actor.tenantId ? { tenantId: actor.tenantId } : filter.tenantId ? { tenantId: filter.tenantId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [invoices, total] = await findPage(em, Invoice, where, {
      orderBy: { periodStart: 'desc', tenantId: 'asc', id: 'asc' },
      ...pageWindow(page),
    });
    return { items: invoices.map(toInvoiceView), total, ...page };
  });
}
