import { z } from 'zod';

/** The integrations whose health a tenant's page shows (seed 003 S3.3). */
export const HEALTH_INTEGRATIONS = ['elevenlabs', 'twilio', 'stripe', 'smtp'] as const;
export type HealthIntegration = (typeof HEALTH_INTEGRATIONS)[number];

/**
 * One integration's health, in the seed's member names: `configured` (the tenant or the platform set it up),
 * `reachable` (the provider answered the check just now), `last_sync` (when data last came from it), `error` (why
 * it is not reachable, in words, never a secret) and `status` (what it is on the provider's side: the ElevenLabs
 * key's recorded status, the Stripe subscription's, the Twilio number checked, the mail sender in use).
 */
export const IntegrationHealth = z
  .object({
    name: z.enum(HEALTH_INTEGRATIONS),
    configured: z.boolean(),
    reachable: z.boolean(),
    last_sync: z.string().nullable(),
    error: z.string().nullable(),
    status: z.string().nullable(),
  })
  .meta({ id: 'IntegrationHealth' });
export type IntegrationHealth = z.infer<typeof IntegrationHealth>;

export const IntegrationHealthReport = z
  .object({ integrations: z.array(IntegrationHealth) })
  .meta({ id: 'IntegrationHealthReport' });
export type IntegrationHealthReport = z.infer<typeof IntegrationHealthReport>;

/** A display name: no line breaks or characters that would end the name part of a From header. */
const SenderName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\r\n<>"\\]+$/, 'must not contain line breaks, quotes, backslashes or angle brackets');

/** The tenant's own sender; the SMTP server stays the platform's. */
export const MailSenderBody = z.strictObject({
  fromName: SenderName,
  fromAddress: z.string().trim().max(254).pipe(z.email()),
});
export type MailSenderBody = z.infer<typeof MailSenderBody>;

/** The tenant's sender: its own (`custom`) or the platform's default; stored and checked, not yet used as the From of outgoing mail (decision 014). */
export const MailSenderView = z
  .object({
    fromName: z.string(),
    fromAddress: z.string(),
    custom: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'MailSenderView' });
export type MailSenderView = z.infer<typeof MailSenderView>;
