export const BOT_STATUSES = ['provisioning', 'ready', 'failed', 'deprovisioning', 'deprovisioned'] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];
