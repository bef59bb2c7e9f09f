import { z } from 'zod';
import { INTEGRATION_PROVIDERS, INTEGRATION_STATUSES } from './integration';

/** A provider secret as pasted: surrounding blanks dropped, nothing blank inside, sensible bounds. */
const SecretText = z.string().trim().min(8).max(256).regex(/^\S+$/, 'must not contain spaces or line breaks');

/**
 * The tenant's ElevenLabs key and its post-call webhook's secret. The first save needs the key; later saves may
 * send only the webhook secret (ElevenLabs issues it once the webhook URL this integration shows is configured).
 */
export const SaveIntegrationBody = z.strictObject({
  apiKey: SecretText.optional(),
  webhookSecret: SecretText.optional(),
});
export type SaveIntegrationBody = z.infer<typeof SaveIntegrationBody>;

/** Platform staff name the tenant; a customer's is their own. */
export const IntegrationQuery = z.strictObject({ tenantId: z.uuid().optional() });
export type IntegrationQuery = z.infer<typeof IntegrationQuery>;

/** What the last connection test learned: the account's plan (null when the key may not read it), what it lacks. */
export const IntegrationCheckDetail = z
  .object({ tier: z.string().nullable(), limitations: z.array(z.string()) })
  .meta({ id: 'IntegrationCheckDetail' });
export type IntegrationCheckDetail = z.infer<typeof IntegrationCheckDetail>;

/** A tenant's integration as people see it: never the key, only a hint of it. */
export const IntegrationView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    provider: z.enum(INTEGRATION_PROVIDERS),
    /** `unverified` until tested (and after the key changed), then `active` or `error`. */
    status: z.enum(INTEGRATION_STATUSES),
    keyHint: z.string(),
    /** null until the webhook secret is saved. */
    webhookSecretHint: z.string().nullable(),
    /** Paste into ElevenLabs → Agents platform → Settings → Post-call webhook. */
    webhookUrl: z.string(),
    lastCheckedAt: z.string().nullable(),
    /** Why the last test failed, in words; null when it passed or never ran. */
    lastError: z.string().nullable(),
    checkDetail: IntegrationCheckDetail.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IntegrationView' });
export type IntegrationView = z.infer<typeof IntegrationView>;
