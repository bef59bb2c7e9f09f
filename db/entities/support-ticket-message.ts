import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const SupportTicketMessage = defineEntity({
  name: 'SupportTicketMessage',
  tableName: 'support_ticket_messages',
  properties: {
    id: idColumn(),
    tenantId: p.uuid(),
    ticketId: p.uuid(),
    authorUserId: p.uuid().nullable(),
    body: p.text(),
    createdAt: createdAtColumn(),
  },
});
export type SupportTicketMessage = InferEntity<typeof SupportTicketMessage>;
