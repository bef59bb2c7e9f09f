import { ProviderError, providerCalls } from '../activities/adapters/provider-error';
import { SmtpVerifyError, verifySmtp } from '../activities/adapters/smtp-verify';
import {
  createStripeClient,
  toProviderError as stripeFailure,
  type StripeBillingConfig,
} from '../activities/adapters/stripe-billing-client';
import { createTwilioNumbers, type TwilioConfig } from '../activities/adapters/twilio-numbers';
import type { IntegrationProbes } from '../domain/integrations/health/integration-probes-port';
import { ProbeFailure } from '../domain/integrations/health/probe-failure';

/** A ProviderError in words fit for a tenant's page: the status, never the provider's text (it may quote a key). */
function inWords(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  if (error.status === null) return new ProbeFailure(error.code === 'timeout' ? 'no answer in time' : 'no connection');
  if (error.status === 401 || error.status === 403) {
    return new ProbeFailure(`the platform’s credentials were refused (HTTP ${error.status})`);
  }
  if (error.status === 429) return new ProbeFailure('too many requests just now (HTTP 429); try again shortly');
  return new ProbeFailure(`the provider answered HTTP ${error.status}`);
}

const SMTP_WORDS: Record<SmtpVerifyError['failure'], string> = {
  timeout: 'no answer in time',
  no_connection: 'no connection to the SMTP server',
  login_refused: 'the SMTP server refused the platform’s login',
  refused: 'the SMTP server refused the connection',
};

/**
 * The health check's provider probes with the platform's own credentials, over the adapters the worker uses (api/
 * may not import adapters, so the processes compose them here). Each call gets `timeoutMs`.
 */
export function createIntegrationProbes(config: {
  stripe: StripeBillingConfig;
  twilio: TwilioConfig;
  /** The platform's SMTP server (SMTP_URL); without one mail is only logged. */
  smtpUrl?: string;
  timeoutMs: number;
}): IntegrationProbes {
  const { stripe } = createStripeClient({ ...config.stripe, timeoutMs: config.timeoutMs });
  const stripeCalls = providerCalls(stripeFailure);
  const twilio = createTwilioNumbers({ ...config.twilio, timeoutMs: config.timeoutMs });
  return {
    async stripeCustomer(customerId) {
      try {
        const customer = await stripeCalls.unless404(() => stripe.customers.retrieve(customerId), null);
        return customer && !customer.deleted ? 'found' : 'absent';
      } catch (error) {
        throw inWords(error);
      }
    },
    async twilioNumber(numberSid) {
      try {
        return (await twilio.fetchNumber(numberSid)) ? 'found' : 'absent';
      } catch (error) {
        throw inWords(error);
      }
    },
    async smtp() {
      if (!config.smtpUrl) return 'none';
      try {
        await verifySmtp(config.smtpUrl, config.timeoutMs);
        return 'verified';
      } catch (error) {
        if (!(error instanceof SmtpVerifyError)) throw error;
        const code = error.responseCode ? ` (${error.responseCode})` : '';
        throw new ProbeFailure(`${SMTP_WORDS[error.failure]}${code}`);
      }
    },
  };
}
