// What the integration health check asks of the platform's providers with the platform's own credentials.
// Implemented in temporal/integration-probes.ts over the SDK adapters; a failed probe throws a ProbeFailure.

export interface IntegrationProbes {
  /** `absent` when the platform's Stripe account has no such customer (never had it, or it was deleted). */
  stripeCustomer(customerId: string): Promise<'found' | 'absent'>;
  /** `absent` when the platform's Twilio account no longer has the number. */
  twilioNumber(numberSid: string): Promise<'found' | 'absent'>;
  /** `verified`: the platform's SMTP server accepted a connection and login; `none`: no SMTP server is set. */
  smtp(): Promise<'verified' | 'none'>;
}

/** What integration health needs; the API passes its AppDeps (`integrations` is absent in a benchmark's API). */
export interface IntegrationHealthSetup {
  probes: IntegrationProbes;
  /** The platform's sender (MAIL_FROM), used when a tenant has set none: `Name <address>` or an address. */
  platformSender: string;
  /** How long each integration's check may take before it counts as unreachable. */
  checkTimeoutMs: number;
}
