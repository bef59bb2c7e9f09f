import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../contracts/support-ticket';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from './columns';

export const SupportTicket = defineEntity({
  name: 'SupportTicket',
  tableName: 'support_tickets',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    authorUserId: p.uuid().nullable(),
    subject: p.text(),
    body: p.text(),
    status: p.enum(TICKET_STATUSES),
    priority: p.enum(TICKET_PRIORITIES).default('normal'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type SupportTicket = InferEntity<typeof SupportTicket>;
