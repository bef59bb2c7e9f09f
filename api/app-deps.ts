import type { Orm } from '../db/orm';
import type { AuthSettings } from '../domain/auth/auth-settings';
import type { OidcRelyingParty } from '../domain/auth/oidc/oidc-relying-party';
import type { StripeWebhookVerifier } from '../temporal/stripe-webhook-verifier';
import type { BillingSessions } from '../domain/billing/checkout-port';
import type { InvoicingWorkflows } from '../domain/billing/invoicing-port';
import type { StripePlanWorkflows } from '../domain/billing/stripe-plan-port';
import type { PromptRollouts } from '../domain/prompts/prompt-rollout-port';
import type { HealthProbes } from '../domain/health/health-port';
import type { ProvisioningWorkflows } from '../domain/provisioning/provisioning-port';
import type { AudioStore } from '../domain/conversations/audio-store';
import type { ConversationSyncs } from '../domain/conversations/sync-port';
import type { ElevenLabsAccounts } from '../domain/integrations/elevenlabs-accounts-port';
import type { IntegrationHealthSetup } from '../domain/integrations/health/integration-probes-port';
import type { SecretBox } from '../domain/secrets/secret-box';
import type { CallWorkflows } from '../domain/telephony/call-port';
import type { OnboardingWorkflows } from '../domain/tenants/onboarding-port';
import type { TenantExportWorkflows } from '../domain/tenant-export/export-port';
import type { OffboardingWorkflows } from '../domain/offboarding/offboarding-port';

/** Everything the HTTP layer needs, passed in so tests can build the app around real or fake parts. */
export interface AppDeps {
  orm: Orm;
  auth: AuthSettings;
  onboarding: OnboardingWorkflows;
  /** Sign-in with OpenID Connect (config/oidc.ts); without it the sign-in page offers passwords only. */
  oidc?: OidcRelyingParty;
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
  /** Starts a tenant's `offboardTenant` run (`DELETE /api/tenants/:id`); without it that answers 503. */
  offboarding?: OffboardingWorkflows;
  /** Starts `applyPromptConfig` after a prompt settings save; without it such a save answers 503. */
  promptRollouts?: PromptRollouts;
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
  /** Integration health probes and the platform's mail sender; without them those routes answer 503. */
  integrations?: IntegrationHealthSetup;
  /**
   * Tenant data exports: the workflow starter, the blob store the archives are in (the recordings store), the
   * download links' key (domain/tenant-export/download-token.ts) and the default retention. Without it the export
   * routes answer 503.
   */
  tenantExports?: {
    workflows: TenantExportWorkflows;
    audio: AudioStore;
    exportTokenKey: Uint8Array;
    exportRetentionMs: number;
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
  /** Tenants' hosts are `<slug>.<publicBaseDomain>` (api/plugins/tenant-hint.ts); unset: no tenant by host. */
  publicBaseDomain?: string;
}
