import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PROMPT_LOCALES } from '../../contracts/prompt-config';
import { updatedAtColumn } from './columns';

/** A tenant's prompt settings (contracts/prompt-config.ts); absent until the tenant first saves them. */
export const PromptConfig = defineEntity({
  name: 'PromptConfig',
  tableName: 'prompt_configs',
  properties: {
    tenantId: p.uuid().primary(),
    businessName: p.text(),
    businessShortName: p.text(),
    agentName: p.text(),
    locale: p.enum(PROMPT_LOCALES),
    timeZone: p.text(),
    emergencyNumber: p.text(),
    address: p.text().default(''),
    pricesText: p.text().default(''),
    retentionRules: p.text().default(''),
    disclaimer: p.text().default(''),
    personaBio: p.text().default(''),
    version: p.integer().default(1),
    updatedAt: updatedAtColumn(),
  },
});
export type PromptConfig = InferEntity<typeof PromptConfig>;
