import { SupportTicketMessage, Tenant, User } from '../../db/entities';
import type { SupportTicket } from '../../db/entities/support-ticket';
import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { TicketContext } from './ticket-view';

const distinct = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => Boolean(id))),
];

/** Reads, in the caller's scope, the tenant names, reply counts and authors that ticket views show. */
export async function loadTicketContext(
  em: ScopedEm,
  tickets: SupportTicket[],
  messages: SupportTicketMessage[] = [],
): Promise<TicketContext> {
  const tenantIds = distinct(tickets.map((ticket) => ticket.tenantId));
  const ticketIds = tickets.map((ticket) => ticket.id);
  const authorIds = distinct([...tickets, ...messages].map((row) => row.authorUserId));
  const tenants = tenantIds.length ? await em.find(Tenant, { id: { $in: tenantIds } }, { fields: ['id', 'name'] }) : [];
  const counts = ticketIds.length
    ? await em.countBy(SupportTicketMessage, 'ticketId', { where: { ticketId: { $in: ticketIds } } })
    : {};
  const users = authorIds.length
    ? await em.find(User, { id: { $in: authorIds } }, { fields: ['id', 'name', 'role'] })
    : [];
  const authors = new Map(users.map((user) => [user.id, { name: user.name, role: user.role }]));
  return {
    tenantNames: new Map(tenants.map((tenant) => [tenant.id, tenant.name])),
    messageCounts: new Map(Object.entries(counts)),
    authors,
    unresolvedAuthorIds: authorIds.filter((id) => !authors.has(id)),
  };
}

/**
 * Platform staff belong to no tenant, so row-level security hides their user rows from customers. The staff
 * who wrote on tickets the customer may already see are looked up through the bypass, limited to staff rows,
 * and only their name and role are kept.
 */
export async function withStaffAuthors(orm: Orm, context: TicketContext): Promise<TicketContext> {
  if (context.unresolvedAuthorIds.length === 0) return context;
  const staff = await inScope(orm, { system: 'support:staff-author-names' }, (em) =>
    em.find(User, { id: { $in: context.unresolvedAuthorIds }, tenantId: null }, { fields: ['id', 'name', 'role'] }),
  );
  const authors = new Map(context.authors);
  for (const user of staff) authors.set(user.id, { name: user.name, role: user.role });
  return { ...context, authors, unresolvedAuthorIds: context.unresolvedAuthorIds.filter((id) => !authors.has(id)) };
}
