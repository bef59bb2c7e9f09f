import { EMAIL_STATUSES } from '../../contracts/outbox-status';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns';

export const EmailOutbox = defineEntity({
  name: 'EmailOutbox',
  tableName: 'email_outbox',
  properties: {
    id: idColumn(),
    tenantId: p.uuid().nullable(),
    idempotencyKey: p.text(),
    toAddress: p.text(),
    subject: p.text(),
    bodyText: p.text(),
    status: p.enum(EMAIL_STATUSES),
    createdAt: createdAtColumn(),
    sentAt: p.datetime().nullable(),
  },
});
export type EmailOutbox = InferEntity<typeof EmailOutbox>;
