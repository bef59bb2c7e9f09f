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
    status: p.enum(['open', 'pending', 'resolved', 'closed'] as const),
    priority: p.enum(['low', 'normal', 'high', 'urgent'] as const).default('normal'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type SupportTicket = InferEntity<typeof SupportTicket>;
