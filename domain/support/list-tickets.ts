import { SupportTicket } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import type { TicketListQuery, TicketView } from '../../contracts/support';
import { findPage, pageWindow } from '../pagination';
import { loadTicketContext, withStaffAuthors } from './ticket-context';
import { toTicketView } from './ticket-view';

/** Customers see their tenant's tickets; platform staff see every tenant's (the support inbox). Latest activity first. */
export async function listTickets(
  deps: { orm: Orm },
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: TicketListQuery },
): Promise<Page<TicketView>> {
  assertCan(actor, 'tickets:read');
  const { tickets, total, context } = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = {
      ...(actor.tenantId ? { tenantId: actor.tenantId } : filter.tenantId ? { tenantId: filter.tenantId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.priority ? { priority: filter.priority } : {}),
    };
    const [tickets, total] = await findPage(em, SupportTicket, where, {
      orderBy: { updatedAt: 'desc', id: 'asc' },
      ...pageWindow(page),
    });
    return { tickets, total, context: await loadTicketContext(em, tickets) };
  });
  const complete = await withStaffAuthors(deps.orm, context);
  return { items: tickets.map((ticket) => toTicketView(ticket, complete)), total, ...page };
}
