import { SupportTicketMessage } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { isPlatformRole } from '../../contracts/roles';
import type { TicketMessage, TicketMessageBody } from '../../contracts/support';
import { AppError } from '../errors/app-error';
import { findTicket } from './find-ticket';
import { loadTicketContext } from './ticket-context';
import { statusAfterReply } from './ticket-status';
import { toTicketMessageView } from './ticket-view';

/** A reply on a ticket; it hands the ticket to whoever must act next. Closed tickets take no replies. */
export async function addTicketMessage(
  deps: { orm: Orm },
  { actor, ticketId, input }: { actor: Actor; ticketId: string; input: TicketMessageBody },
): Promise<TicketMessage> {
  assertCan(actor, 'tickets:create');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const ticket = await findTicket(em, actor, ticketId);
    if (ticket.status === 'closed') throw new AppError('conflict', 'This ticket is closed; open a new one');
    const message = em.create(SupportTicketMessage, {
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      authorUserId: actor.userId,
      body: input.body,
    });
    const from = ticket.status;
    ticket.status = statusAfterReply(from, isPlatformRole(actor.role) ? 'staff' : 'customer');
    // A reply is activity even when the status stays, and the inbox sorts by it.
    ticket.updatedAt = new Date();
    recordAudit(em, {
      actor,
      tenantId: ticket.tenantId,
      action: 'ticket.replied',
      targetType: 'support_ticket',
      targetId: ticket.id,
      details: { messageId: message.id, ...(from === ticket.status ? {} : { status: { from, to: ticket.status } }) },
    });
    await em.flush();
    // The author is the caller, whose own user row is always visible in their scope.
    return toTicketMessageView(message, await loadTicketContext(em, [], [message]));
  });
}
