import type { TicketStatus } from '../../contracts/support-ticket';

/**
 * A reply moves the ticket to whoever must act next: a customer's reply re-opens a ticket that was waiting on
 * them or marked resolved; a staff reply on an open ticket leaves it waiting for the customer.
 */
export function statusAfterReply(status: TicketStatus, by: 'customer' | 'staff'): TicketStatus {
  if (by === 'customer' && (status === 'pending' || status === 'resolved')) return 'open';
  if (by === 'staff' && status === 'open') return 'pending';
  return status;
}
