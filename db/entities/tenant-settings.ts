import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { updatedAtColumn } from './columns';

export const TenantSettings = defineEntity({
  name: 'TenantSettings',
  tableName: 'tenant_settings',
  properties: {
    tenantId: p.uuid().primary(),
    locale: p.text().default('de-AT'),
    timezone: p.text().default('Europe/Vienna'),
    branding: p.json<{ logoUrl?: string; primaryColor?: string; productName?: string }>().onCreate(() => ({})),
    anonymizeCallLogs: p.boolean().default(false),
    dataRetentionDays: p.integer().default(365),
    updatedAt: updatedAtColumn(),
  },
});
export type TenantSettings = InferEntity<typeof TenantSettings>;
