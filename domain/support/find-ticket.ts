import { SupportTicket } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors/app-error';

/** The ticket if the actor may see it, else 404: customers only their own tenant's (row-level security agrees). */
export async function findTicket(em: ScopedEm, actor: Actor, ticketId: string): Promise<SupportTicket> {
  const ticket = await em.findOne(SupportTicket, {
    id: ticketId,
    ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
  });
  if (!ticket) throw notFound('Ticket');
  return ticket;
}
