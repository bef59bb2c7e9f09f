import type { Orm } from '../db/orm';
import type { AuthSettings } from '../domain/auth/auth-settings';
import type { ProvisioningWorkflows } from '../domain/provisioning/provisioning-port';
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
  health: HealthProbes;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  publicBaseUrl: string;
}
