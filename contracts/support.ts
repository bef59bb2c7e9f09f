import { z } from 'zod';
import { patchBody } from './patch-body';
import { ROLES } from './roles';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './support-ticket';

const MessageText = z.string().trim().min(1).max(5000);

export const TicketListQuery = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  tenantId: z.uuid().optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/** `tenantId` is for platform staff opening a ticket on behalf of a customer; customers' tickets are their own. */
export const CreateTicketBody = z.strictObject({
  subject: z.string().trim().min(3).max(150),
  body: MessageText,
  priority: z.enum(TICKET_PRIORITIES).optional(),
  tenantId: z.uuid().optional(),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const TicketMessageBody = z.strictObject({ body: MessageText });
export type TicketMessageBody = z.infer<typeof TicketMessageBody>;

export const UpdateTicketBody = patchBody({ status: z.enum(TICKET_STATUSES), priority: z.enum(TICKET_PRIORITIES) });
export type UpdateTicketBody = z.infer<typeof UpdateTicketBody>;

export const TicketView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    tenantName: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    authorUserId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    /** Replies in `messages`; the ticket's own body is not counted. */
    messageCount: z.int().min(0),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TicketView' });
export type TicketView = z.infer<typeof TicketView>;

/** A reply on a ticket; the author's role tells a customer's reply from support's. */
export const TicketMessage = z
  .object({
    id: z.uuid(),
    authorUserId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    authorRole: z.enum(ROLES).nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketMessage' });
export type TicketMessage = z.infer<typeof TicketMessage>;

/** A ticket with its conversation, oldest reply first. */
export const TicketDetail = TicketView.extend({ messages: z.array(TicketMessage) }).meta({ id: 'TicketDetail' });
export type TicketDetail = z.infer<typeof TicketDetail>;
