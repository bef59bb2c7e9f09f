import { SupportTicket, Tenant } from '../../db/entities';
import type { CreateTicketBody, TicketView } from '../../contracts/support';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan, assertTenantAccess } from '../auth/permissions';
import { AppError, notFound } from '../errors/app-error';
import { loadTicketContext, withStaffAuthors } from './ticket-context';
import { toTicketView } from './ticket-view';

/** Customers open tickets for their own tenant; platform staff open them on behalf of the tenant they name. */
export async function createTicket(
  deps: { orm: Orm },
  { actor, input }: { actor: Actor; input: CreateTicketBody },
): Promise<TicketView> {
  assertCan(actor, 'tickets:create');
  const tenantId = ticketTenantOf(actor, input.tenantId);
  const { ticket, context } = await inScope(deps.orm, scopeOf(actor), async (em) => {
    if (!(await em.findOne(Tenant, { id: tenantId }))) throw notFound('Tenant');
    const ticket = em.create(SupportTicket, {
      tenantId,
      authorUserId: actor.userId,
      subject: input.subject,
      body: input.body,
      status: 'open',
      priority: input.priority ?? 'normal',
    });
    recordAudit(em, {
      actor,
      tenantId,
      action: 'ticket.created',
      targetType: 'support_ticket',
      targetId: ticket.id,
      details: { priority: ticket.priority },
    });
    await em.flush();
    return { ticket, context: await loadTicketContext(em, [ticket]) };
  });
  return toTicketView(ticket, await withStaffAuthors(deps.orm, context));
}

function ticketTenantOf(actor: Actor, requested: string | undefined): string {
  if (requested) assertTenantAccess(actor, requested);
  const tenantId = actor.tenantId ?? requested;
  if (!tenantId) {
    throw new AppError('bad_request', 'Platform staff open a ticket on behalf of a tenant: send its tenantId', {
      errors: [{ path: 'body.tenantId', message: 'required for platform staff' }],
    });
  }
  return tenantId;
}
