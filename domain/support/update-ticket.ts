import type { TicketView, UpdateTicketBody } from '../../contracts/support';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { can } from '../../contracts/grants';
import { assertCan } from '../auth/permissions';
import { AppError } from '../errors/app-error';
import { findTicket } from './find-ticket';
import { loadTicketContext, withStaffAuthors } from './ticket-context';
import { toTicketView } from './ticket-view';

/** Support staff set any status or priority; customers may only close their own tenant's tickets. */
export async function updateTicket(
  deps: { orm: Orm },
  { actor, ticketId, patch }: { actor: Actor; ticketId: string; patch: UpdateTicketBody },
): Promise<TicketView> {
  assertCan(actor, 'tickets:close');
  const closesOnly = patch.status === 'closed' && patch.priority === undefined;
  const { ticket, context } = await inScope(deps.orm, scopeOf(actor), async (em) => {
    const ticket = await findTicket(em, actor, ticketId);
    // Checked after the look-up, so another tenant's ticket answers 404 rather than 403.
    if (!closesOnly && !can(actor.role, 'tickets:manage')) {
      throw new AppError('forbidden', 'You can close a ticket; support staff handle its other states and priority');
    }
    const changes = Object.fromEntries(
      (['status', 'priority'] as const)
        .filter((field) => patch[field] !== undefined && patch[field] !== ticket[field])
        .map((field) => [field, { from: ticket[field], to: patch[field] }]),
    );
    if (Object.keys(changes).length > 0) {
      if (patch.status) ticket.status = patch.status;
      if (patch.priority) ticket.priority = patch.priority;
      recordAudit(em, {
        actor,
        tenantId: ticket.tenantId,
        action: 'ticket.updated',
        targetType: 'support_ticket',
        targetId: ticket.id,
        details: changes,
      });
      await em.flush();
    }
    return { ticket, context: await loadTicketContext(em, [ticket]) };
  });
  return toTicketView(ticket, await withStaffAuthors(deps.orm, context));
}
