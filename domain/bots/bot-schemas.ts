import { z } from 'zod';
import { BOT_STATUSES } from '../../contracts/bot-status';

export const Locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as de-AT or en-US');

export const CreateBotBody = z.object({
  tenantId: z.uuid(),
  name: z.string().trim().min(2).max(80),
  locale: Locale.default('de-AT'),
  voice: z.string().trim().min(1).max(80).default('elevenlabs:Rachel'),
  greeting: z.string().trim().min(1).max(500),
});
export type CreateBotBody = z.infer<typeof CreateBotBody>;

/** Customers may tune how their bot sounds; platform admins may also rename it. */
export const UpdateBotBody = z
  .object({
    name: z.string().trim().min(2).max(80).optional(),
    locale: Locale.optional(),
    voice: z.string().trim().min(1).max(80).optional(),
    greeting: z.string().trim().min(1).max(500).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, locale, voice, greeting');
export type UpdateBotBody = z.infer<typeof UpdateBotBody>;

export const BotListQuery = z.object({
  status: z.enum(BOT_STATUSES).optional(),
  tenantId: z.uuid().optional(),
});
