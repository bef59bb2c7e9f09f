import type { Env } from '../config/env';
import type { Orm } from '../db/orm';
import type { ActivityDeps } from './index';
import { createLocalBillingProvider } from './adapters/billing-provider';
import { createLogMailer, createSmtpMailer } from './adapters/mailer';

/** Chooses the real adapters when configured, the local ones otherwise. */
export function buildActivityDeps(env: Env, orm: Orm, log: (line: string) => void): ActivityDeps {
  return {
    orm,
    billing: createLocalBillingProvider(),
    mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : createLogMailer(log),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    currency: env.BILLING_CURRENCY,
  };
}
