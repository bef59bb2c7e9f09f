import { SupportTicketMessage } from '../../db/entities';
import type { TicketDetail } from '../../contracts/support';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { findTicket } from './find-ticket';
import { loadTicketContext, withStaffAuthors } from './ticket-context';
import { toTicketMessageView, toTicketView } from './ticket-view';

/** A ticket with its conversation, oldest reply first. */
export async function getTicket(
  deps: { orm: Orm },
  { actor, ticketId }: { actor: Actor; ticketId: string },
): Promise<TicketDetail> {
  assertCan(actor, 'tickets:read');
  const { ticket, messages, context } = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const ticket = await findTicket(em, actor, ticketId);
    const messages = await em.find(
      SupportTicketMessage,
      { ticketId: ticket.id, tenantId: ticket.tenantId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return { ticket, messages, context: await loadTicketContext(em, [ticket], messages) };
  });
  const complete = await withStaffAuthors(deps.orm, context);
  return {
    ...toTicketView(ticket, complete),
    messages: messages.map((message) => toTicketMessageView(message, complete)),
  };
}
