import { z } from 'zod';
import { BOT_ROLES, DEFAULT_BOT_ROLE } from './bot-role';
import { BOT_STATUSES } from './bot-status';
import { JobView } from './jobs';
import { patchBody } from './patch-body';

// eslint-disable-next-line security/detect-unsafe-regex -- linear: one optional region, no repetition
export const Locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as de-AT or en-US');

const BotName = z.string().trim().min(2).max(80);
const Voice = z.string().trim().min(1).max(80);
const Greeting = z.string().trim().min(1).max(500);

export const CreateBotBody = z.strictObject({
  tenantId: z.uuid(),
  name: BotName,
  locale: Locale.default('de-AT'),
  voice: Voice.default('elevenlabs:Rachel'),
  greeting: Greeting,
  /** Picks the bot's prompt templates (GET /api/prompt-config/preview?role=…). */
  role: z.enum(BOT_ROLES).default(DEFAULT_BOT_ROLE),
});
export type CreateBotBody = z.infer<typeof CreateBotBody>;

/** Customers may tune how their bot sounds; platform admins may also rename it. */
export const UpdateBotBody = patchBody({ name: BotName, locale: Locale, voice: Voice, greeting: Greeting });
export type UpdateBotBody = z.infer<typeof UpdateBotBody>;

export const BotListQuery = z.strictObject({
  status: z.enum(BOT_STATUSES).optional(),
  tenantId: z.uuid().optional(),
});

export const BotView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    name: z.string(),
    status: z.enum(BOT_STATUSES),
    role: z.enum(BOT_ROLES),
    /** Why the last provisioning run failed, while the bot is failed; platform staff only (provider text). */
    failureReason: z.string().nullable(),
    locale: z.string(),
    voice: z.string(),
    greeting: z.string(),
    phoneNumber: z.string().nullable(),
    herokuAppName: z.string().nullable(),
    /** The bot app's web URL, where its calls' audio is streamed; null until provisioned, and after release. */
    appUrl: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BotView' });
export type BotView = z.infer<typeof BotView>;

/** A new bot and the provisioning job started for it. */
export const CreatedBot = z.object({ bot: BotView, job: JobView });
export type CreatedBot = z.infer<typeof CreatedBot>;
