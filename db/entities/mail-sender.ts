import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { updatedAtColumn } from './columns';

/** The name and address a tenant chose for its mail's From, not yet used as the From of outgoing mail (decision 014); the SMTP server stays the platform's. */
export const MailSender = defineEntity({
  name: 'MailSender',
  tableName: 'mail_senders',
  properties: {
    tenantId: p.uuid().primary(),
    fromName: p.text(),
    fromAddress: p.text(),
    updatedAt: updatedAtColumn(),
  },
});
export type MailSender = InferEntity<typeof MailSender>;
