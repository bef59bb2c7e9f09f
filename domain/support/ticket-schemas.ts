import { z } from 'zod';

import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../contracts/support-ticket';

export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPriority>;

const MessageText = z.string().trim().min(1).max(5000);

export const TicketListQuery = z.object({
  status: TicketStatus.optional(),
  priority: TicketPriority.optional(),
  tenantId: z.uuid().optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/** `tenantId` is for platform staff opening a ticket on behalf of a customer; customers' tickets are their own. */
export const CreateTicketBody = z.object({
  subject: z.string().trim().min(3).max(150),
  body: MessageText,
  priority: TicketPriority.optional(),
  tenantId: z.uuid().optional(),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const TicketMessageBody = z.object({ body: MessageText });
export type TicketMessageBody = z.infer<typeof TicketMessageBody>;

export const UpdateTicketBody = z
  .object({ status: TicketStatus.optional(), priority: TicketPriority.optional() })
  .refine((body) => body.status !== undefined || body.priority !== undefined, 'send at least one of status, priority');
export type UpdateTicketBody = z.infer<typeof UpdateTicketBody>;
