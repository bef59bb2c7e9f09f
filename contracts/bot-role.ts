/**
 * What a bot is for: each role has its own prompt templates (domain/prompts/templates/). The receptionist answers
 * the business's calls (opening hours, address, emergencies, passing callers on); the sales agent talks about prices
 * and memberships and follows the retention rules.
 */
export const BOT_ROLES = ['receptionist', 'sales'] as const;
export type BotRole = (typeof BOT_ROLES)[number];

export const DEFAULT_BOT_ROLE: BotRole = 'receptionist';
