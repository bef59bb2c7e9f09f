import { z } from 'zod';

/** Milliseconds from strings such as `500ms`, `30s`, `15m`, `2h`, `7d` (or a bare number of ms). */
export const Duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)?$/, 'expected a duration such as 30s, 15m, 2h or 7d')
  .transform((value) => {
    const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value)!;
    const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms']!;
    return Number(match[1]) * unit;
  });

/** Comma-separated durations, e.g. `0d,3d,7d`. */
const DurationList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(Duration).min(1));

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

export const EnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECRET_KEY: optionalString,
  DATA_DIR: z.string().default('.data'),

  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  EMBEDDED_PG_PORT: port(5433),

  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port(4000),
  /**
   * API processes sharing API_PORT (node:cluster), so one dyno or container uses all its cores. Unset: Heroku's
   * WEB_CONCURRENCY when set, else 1 (one process, no supervisor).
   */
  API_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  WEB_PORT: port(3000),
  SIM_PORT: port(4010),
  SIM_HOST: z.string().default('127.0.0.1'),
  /** The provider simulator that SDKs without credentials talk to. Default: http://127.0.0.1:$SIM_PORT. */
  SIM_URL: optionalString.pipe(z.url().optional()),
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  /** Tenants' own hosts are `<slug>.<PUBLIC_BASE_DOMAIN>` (white label); unset: tenants are not told by host. */
  PUBLIC_BASE_DOMAIN: optionalString.pipe(
    z
      .string()
      // eslint-disable-next-line security/detect-unsafe-regex -- linear: the dot that starts a label is not in its class
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a lowercase domain name, e.g. voiceplane.app')
      .optional(),
  ),

  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('voiceplane'),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  TEMPORAL_CLI: optionalString,
  TEMPORAL_EMBEDDED: z.enum(['auto', 'always', 'never']).default('auto'),

  SEED_ADMIN_EMAIL: z.email().default('admin@voiceplane.local'),
  SEED_ADMIN_PASSWORD: optionalString,

  JWT_ACCESS_TTL_MIN: z.coerce.number().int().positive().default(30),
  JWT_REFRESH_TTL_DAYS: z.coerce.number().int().positive().default(14),
  LOGIN_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(10),
  ONBOARDING_VERIFICATION_TIMEOUT: Duration.default(7 * 86_400_000),
  /** A call without a final status callback by then is reconciled by asking Twilio. */
  CALL_FINALIZE_AFTER: Duration.default(15 * 60_000),

  /**
   * The monthly invoice run (a Temporal Schedule): on this day of the month at this hour in this time zone it
   * bills the month before (UTC). Each tenant's invoice waits INVOICING_GRACE after the month ended for late usage
   * (webhook timestamps are accepted up to two days old), at most INVOICING_CONCURRENCY tenants at once.
   */
  INVOICING_DAY_OF_MONTH: z.coerce.number().int().min(1).max(28).default(1),
  INVOICING_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  INVOICING_TIME_ZONE: z.string().default('Europe/Vienna'),
  INVOICING_GRACE: Duration.default(2 * 86_400_000),
  INVOICING_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),

  /**
   * Dunning (decision 011): after a failed payment, reminder mails go out at DUNNING_REMINDERS (durations after
   * the payment fell past due, comma-separated; those at or after the grace period are not sent) and the calls
   * are suspended DUNNING_GRACE after it unless the payment arrives. A suspended tenant's subscription is checked
   * every DUNNING_STATUS_CHECK for having left past due without a payment.
   */
  DUNNING_REMINDERS: DurationList.default([0, 3 * 86_400_000, 7 * 86_400_000]),
  DUNNING_GRACE: Duration.default(14 * 86_400_000),
  DUNNING_STATUS_CHECK: Duration.default(86_400_000),

  /**
   * Proxy hops whose X-Forwarded-For the API believes (addresses, CIDRs or proxy-addr's `loopback`,
   * `uniquelocal`): only the web proxy, which overwrites the header with the browser's real address.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /** Failed sign-ins to one account before each further attempt waits (progressively longer). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Password hashes verified at once; more wait in a short queue, beyond that sign-in answers 503. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).default(2),

  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default('VoicePlane <no-reply@voiceplane.local>'),

  /**
   * `simulator`: the provider SDKs talk to `sim/` and webhooks are signed with its public test secrets.
   * `live`: the real providers, with every credential required. Unset: live in production (simulator is refused
   * there), otherwise live when provider credentials are given and simulator when none are.
   */
  PROVIDERS: z.enum(['simulator', 'live']).optional(),
  /** Stripe's secret API key (`sk_live_…`, or `sk_test_…` for a Stripe test account). */
  STRIPE_SECRET_KEY: optionalString,
  /** The signing secret (`whsec_…`) of the Stripe webhook endpoint that points at the platform. */
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Where the provider simulator sends Stripe events. Default: the API's own webhook route on API_PORT. */
  SIM_STRIPE_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_APP_WEBHOOK_BASE: optionalString,
  HEROKU_API_KEY: optionalString,
  HEROKU_TEAM_NAME: optionalString,
  HEROKU_TEMPLATE_TARBALL_URL: z.url().default('https://github.com/voiceplane/voice-bot-template/tarball/main'),
  ELEVENLABS_API_KEY: optionalString,

  /**
   * Tenants' provider keys are sealed under a key derived from SECRET_BOX_KEY (default: SECRET_KEY). To rotate,
   * set a new SECRET_BOX_KEY, list the old one in SECRET_BOX_PREVIOUS_KEYS (comma-separated) so existing values
   * still open, and run `npm run secrets:rotate` to re-seal every value under the new key.
   */
  SECRET_BOX_KEY: optionalString,
  SECRET_BOX_PREVIOUS_KEYS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  /** How long the API reuses a called number's route (bot, tenant, plan standing); 0 looks up every webhook. */
  CALL_ROUTE_CACHE: Duration.default(1_000),
  /** ElevenLabs' API for tenants' own keys; default its public API (or the simulator when providers are simulated). */
  ELEVENLABS_API_URL: optionalString.pipe(z.url().optional()),
  /** How far a post-call webhook's signed timestamp may lie from now, either way. */
  ELEVENLABS_WEBHOOK_TOLERANCE: Duration.default(30 * 60_000),
  /** How often each tenant's ElevenLabs conversations are synced (a Temporal Schedule per active integration). */
  ELEVENLABS_SYNC_EVERY: Duration.default(15 * 60_000),
  /** How long a tenant data export's archive is kept (and its download link works) after it is ready. */
  TENANT_EXPORT_RETENTION: Duration.default(7 * 86_400_000),
  /** Call recordings are kept under AUDIO_DIR (default `<DATA_DIR>/audio`) unless an S3-compatible store is set. */
  AUDIO_DIR: optionalString,
  /** An S3-compatible store for recordings: endpoint URL (path-style), bucket, region and keys. */
  AUDIO_S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  AUDIO_S3_BUCKET: optionalString,
  AUDIO_S3_REGION: z.string().default('us-east-1'),
  AUDIO_S3_ACCESS_KEY_ID: optionalString,
  AUDIO_S3_SECRET_ACCESS_KEY: optionalString,

  /**
   * "Sign in with OpenID Connect" (authorization code + PKCE) against one identity provider for the platform: its
   * issuer (discovered from `/.well-known/openid-configuration`), and this platform's client there, whose redirect
   * URI is `<PUBLIC_BASE_URL>/api/auth/oidc/callback`. All three or none; the button's label is OIDC_DISPLAY_NAME.
   */
  OIDC_ISSUER_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('OpenID Connect'),
});

export type Env = z.infer<typeof EnvSchema>;

/** How many API processes serve API_PORT (see API_WORKERS). */
export const apiWorkerCount = (env: Env): number => env.API_WORKERS ?? env.WEB_CONCURRENCY ?? 1;

export const simulatorUrl = (env: Env): string => env.SIM_URL ?? `http://127.0.0.1:${env.SIM_PORT}`;
/** Where the simulator delivers Stripe events: the API's `POST /api/billing/stripe/webhook`, unless configured. */
export const simulatorStripeWebhookUrl = (env: Env): string =>
  env.SIM_STRIPE_WEBHOOK_URL ?? `http://127.0.0.1:${env.API_PORT}/api/billing/stripe/webhook`;
/** ElevenLabs' API as tenants' keys reach it: configured, else the simulator's when simulated, else the real one. */
export const elevenLabsApiUrl = (env: Env, mode: 'simulator' | 'live'): string | undefined =>
  env.ELEVENLABS_API_URL ?? (mode === 'simulator' ? `${simulatorUrl(env)}/elevenlabs` : undefined);
/** Where providers send webhooks: TWILIO_APP_WEBHOOK_BASE, else the public URL. */
export const webhookBase = (env: Env): string =>
  (env.TWILIO_APP_WEBHOOK_BASE ?? env.PUBLIC_BASE_URL).replace(/\/$/, '');

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and checks the environment once; throws `EnvError` naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}
