import type { SupportTicket } from '../../db/entities/support-ticket';
import type { SupportTicketMessage } from '../../db/entities/support-ticket-message';
import type { Role } from '../../contracts/roles';
import type { TicketMessage, TicketView } from '../../contracts/support';

export interface TicketAuthor {
  name: string;
  role: Role;
}

/** What views need beyond the rows themselves, keyed by tenant, ticket and user id. */
export interface TicketContext {
  tenantNames: Map<string, string>;
  messageCounts: Map<string, number>;
  authors: Map<string, TicketAuthor>;
  /** Authors the caller's scope could not read (platform staff, seen by a customer). */
  unresolvedAuthorIds: string[];
}

const authorOf = (userId: string | null | undefined, context: TicketContext) =>
  userId ? context.authors.get(userId) : undefined;

export const toTicketView = (ticket: SupportTicket, context: TicketContext): TicketView => ({
  id: ticket.id,
  tenantId: ticket.tenantId,
  // The tenant always exists (foreign key) and is visible in any scope that sees its ticket.
  tenantName: context.tenantNames.get(ticket.tenantId) ?? '',
  subject: ticket.subject,
  body: ticket.body,
  status: ticket.status,
  priority: ticket.priority,
  authorUserId: ticket.authorUserId ?? null,
  authorName: authorOf(ticket.authorUserId, context)?.name ?? null,
  messageCount: context.messageCounts.get(ticket.id) ?? 0,
  createdAt: ticket.createdAt.toISOString(),
  updatedAt: ticket.updatedAt.toISOString(),
});

export const toTicketMessageView = (message: SupportTicketMessage, context: TicketContext): TicketMessage => ({
  id: message.id,
  authorUserId: message.authorUserId ?? null,
  authorName: authorOf(message.authorUserId, context)?.name ?? null,
  authorRole: authorOf(message.authorUserId, context)?.role ?? null,
  body: message.body,
  createdAt: message.createdAt.toISOString(),
});
