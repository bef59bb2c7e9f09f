import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes, so operators can find every workflow of a tenant or bot in the Web UI. */
export const TenantIdAttribute = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const BotIdAttribute = defineSearchAttributeKey('BotId', SearchAttributeType.KEYWORD);

/** The billed month (`YYYY-MM`) of invoicing runs, so operators find a period's runs. */
export const InvoicePeriodAttribute = defineSearchAttributeKey('InvoicePeriod', SearchAttributeType.KEYWORD);

export const CUSTOM_SEARCH_ATTRIBUTES = [TenantIdAttribute, BotIdAttribute, InvoicePeriodAttribute];
