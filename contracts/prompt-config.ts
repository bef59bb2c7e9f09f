import { z } from 'zod';
import { BOT_ROLES, DEFAULT_BOT_ROLE } from './bot-role';
import { PROMPT_TEXT_MAX_LENGTHS as MAX, type PromptSettingKey } from './prompt-setting-fields';
import { PROMPT_LOCALES } from './prompt-locale';

export { PROMPT_LOCALES, type PromptLocale } from './prompt-locale';

/** One line of text: no line breaks or other control characters (it is read out and put into prompts). */
const Line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be a single line');

/** Control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text the agent may draw on: line breaks allowed, other control characters not. */
const Passage = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !CONTROL.test(text), 'must not contain control characters')
    .default('');

const isTimeZone = (value: string): boolean => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
};

/** An IANA time zone the runtime knows, such as Europe/Vienna. */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  // eslint-disable-next-line security/detect-unsafe-regex -- linear: the slash that starts a part is not in its class
  .regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/, 'an IANA time zone such as Europe/Vienna')
  .refine(isTimeZone, 'an IANA time zone such as Europe/Vienna');

/**
 * The number the agent tells callers to ring in an emergency: a full number in E.164 (+43…), or one of the short
 * public emergency codes (112, 911, 999, 144, …), which are not E.164 numbers but what callers actually dial.
 */
export const EmergencyNumber = z
  .string()
  .trim()
  .regex(/^(\+[1-9]\d{6,14}|1\d{2,3}|9\d{2}|000)$/, 'an E.164 number such as +4315550100, or a code such as 112');

/**
 * A tenant's prompt settings (seed 003 S2.1, adapted to voice bots): how the business and its agent are named,
 * where and when it is, whom to call in an emergency, and texts the agent may quote.
 */
export const PromptSettings = z.strictObject({
  /** The business's full name, said in greetings: "Example Fitness Vienna". */
  businessName: Line(2, MAX.businessName),
  /** What callers call it: "Example Fitness". */
  businessShortName: Line(1, MAX.businessShortName),
  /** The agent's own name. */
  agentName: Line(1, MAX.agentName),
  locale: z.enum(PROMPT_LOCALES),
  timeZone: TimeZone,
  emergencyNumber: EmergencyNumber,
  address: Passage(MAX.address),
  /** Prices and memberships, as the sales agent may quote them. */
  pricesText: Passage(MAX.pricesText),
  /** When a caller wants to cancel: what may be offered. */
  retentionRules: Passage(MAX.retentionRules),
  /** Said before health or safety advice. */
  disclaimer: Passage(MAX.disclaimer),
  /** Who the agent is and how it speaks. */
  personaBio: Passage(MAX.personaBio),
} satisfies Record<PromptSettingKey, z.ZodType>);
export type PromptSettings = z.infer<typeof PromptSettings>;

/** PUT replaces the whole configuration (texts left out are empty). */
export const PutPromptConfigBody = PromptSettings;
export type PutPromptConfigBody = z.input<typeof PutPromptConfigBody>;

/** Platform staff name the tenant; a customer's is their own. */
export const PromptConfigQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type PromptConfigQuery = z.infer<typeof PromptConfigQuery>;

export const PromptPreviewQuery = z.strictObject({
  role: z.enum(BOT_ROLES).default(DEFAULT_BOT_ROLE),
  tenantId: z.uuid().optional(),
});
export type PromptPreviewQuery = z.infer<typeof PromptPreviewQuery>;

/** A draft's preview: the settings as typed, not yet saved. */
export const PromptDraftPreviewBody = z.strictObject({ role: z.enum(BOT_ROLES), settings: PromptSettings });
export type PromptDraftPreviewBody = z.input<typeof PromptDraftPreviewBody>;

export const PromptConfigView = z
  .object({
    tenantId: z.uuid(),
    settings: PromptSettings,
    /** false while the tenant has saved nothing: the settings are defaults derived from its own name. */
    saved: z.boolean(),
    /** Counts saves; bots get the configuration of this version. */
    version: z.number().int().nonnegative(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PromptConfigView' });
export type PromptConfigView = z.infer<typeof PromptConfigView>;

/** What a bot of the role is given: its first sentence and its system prompt. */
export const PromptPreview = z
  .object({
    role: z.enum(BOT_ROLES),
    locale: z.enum(PROMPT_LOCALES),
    greeting: z.string(),
    prompt: z.string(),
  })
  .meta({ id: 'PromptPreview' });
export type PromptPreview = z.infer<typeof PromptPreview>;
