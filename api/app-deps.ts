import type { Orm } from '../db/orm';
import type { AuthSettings } from '../domain/auth/auth-settings';
import type { StripeWebhookVerifier } from '../temporal/stripe-webhook-verifier';
import type { BillingSessions } from '../domain/billing/checkout-port';
import type { InvoicingWorkflows } from '../domain/billing/invoicing-port';
import type { StripePlanWorkflows } from '../domain/billing/stripe-plan-port';
import type { HealthProbes } from '../domain/health/health-port';
import type { ProvisioningWorkflows } from '../domain/provisioning/provisioning-port';
import type { AudioStore } from '../domain/conversations/audio-store';
import type { ConversationSyncs } from '../domain/conversations/sync-port';
import type { ElevenLabsAccounts } from '../domain/integrations/elevenlabs-accounts-port';
import type { SecretBox } from '../domain/secrets/secret-box';
import type { CallWorkflows } from '../domain/telephony/call-port';
import type { OnboardingWorkflows } from '../domain/tenants/onboarding-port';

/** Everything the HTTP layer needs, passed in so tests can build the app around real or fake parts. */
export interface AppDeps {
  orm: Orm;
  auth: AuthSettings;
  onboarding: OnboardingWorkflows;
  provisioning: ProvisioningWorkflows;
  calls: CallWorkflows;
  invoicing: InvoicingWorkflows;
  /** Accepted webhooks are written to the inbox under this relay group; the write wakes its relay (decision 008). */
  inbox: { relayGroup: string };
  telephony: {
    /** Twilio signs webhooks with the account's auth token (the simulator's when none is configured). */
    authToken: string;
    /** Public base URL Twilio calls; signatures cover it, whatever proxy sits in between. */
    webhookBase: string;
    /** Signs each call's media-stream token (domain/telephony/media-stream-token.ts). */
    mediaStreamKey: string;
    /** How long a called number's route is reused (domain/telephony/call-route-cache.ts); 0: never. */
    routeCacheMs: number;
  };
  /** Checks a Stripe webhook's signature and reads its event; throws when it is forged or stale. */
  stripeWebhooks: StripeWebhookVerifier;
  /**
   * Stripe Checkout and customer-portal sessions (temporal/stripe-billing-sessions.ts); they return to the billing
   * page under `publicBaseUrl`. Without it (an API built for a benchmark) checkout and portal answer 503.
   */
  billingSessions?: BillingSessions;
  /** Starts `changeStripePlan` after an admin's plan change; without it such a change answers 503. */
  stripePlans?: StripePlanWorkflows;
  /** Seals and opens tenants' provider keys (domain/secrets/secret-box.ts). */
  secretBox: SecretBox;
  /** ElevenLabs monitoring (seed 004): the tenant-key calls people wait on, the periodic sync, recordings. */
  elevenLabs?: {
    accounts: ElevenLabsAccounts;
    syncs: ConversationSyncs;
    audio: AudioStore;
    /** How far a post-call webhook's signed timestamp may lie from now, either way. */
    webhookToleranceMs: number;
  };
  /** Each bot's secret for signing its usage reports. */
  botSecret: (botId: string) => string;
  health: HealthProbes;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  /** Failed sign-ins an account may have before each further attempt waits. */
  loginFreeFailures: number;
  /** Which peers' X-Forwarded-For is believed (Fastify `trustProxy`): only the web proxy's hop. */
  trustProxy: string;
  publicBaseUrl: string;
}
