import type { Orm } from '../db/orm';
import type { AuthSettings } from '../domain/auth/auth-settings';
import type { ProvisioningWorkflows } from '../domain/provisioning/provisioning-port';
import type { CallWorkflows } from '../domain/telephony/call-port';
import type { OnboardingWorkflows } from '../domain/tenants/onboarding-port';

export interface HealthProbes {
  temporal(): Promise<{ ok: boolean; detail?: string }>;
  workers(): Promise<{ ok: boolean; pollers: number; detail?: string }>;
}

/** Everything the HTTP layer needs, passed in so tests can build the app around real or fake parts. */
export interface AppDeps {
  orm: Orm;
  auth: AuthSettings;
  onboarding: OnboardingWorkflows;
  provisioning: ProvisioningWorkflows;
  calls: CallWorkflows;
  telephony: {
    /** Twilio signs webhooks with the account's auth token (the simulator's when none is configured). */
    authToken: string;
    /** Public base URL Twilio calls; signatures cover it, whatever proxy sits in between. */
    webhookBase: string;
  };
  /** Each bot's secret for signing its usage reports. */
  botSecret: (botId: string) => string;
  health: HealthProbes;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  publicBaseUrl: string;
}
