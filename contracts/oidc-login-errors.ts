/**
 * Why an OpenID Connect sign-in did not work, as `/login?error=<code>` carries it: a code, never free text, so a
 * crafted link cannot make the sign-in page say whatever its author likes.
 */
export const OIDC_LOGIN_ERRORS = [
  'oidc_not_configured',
  'oidc_unavailable',
  'oidc_cancelled',
  'oidc_expired',
  'oidc_failed',
  'oidc_email_not_verified',
  'oidc_account_deactivated',
  'oidc_organisation_closed',
] as const;
export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

export const OIDC_LOGIN_ERROR_MESSAGES: Record<OidcLoginError, string> = {
  oidc_not_configured: 'Single sign-on is not set up for this platform.',
  oidc_unavailable: 'The sign-in provider could not be reached. Please try again in a moment.',
  oidc_cancelled: 'Sign-in at the provider was cancelled.',
  oidc_expired: 'That sign-in attempt has expired or was not started here. Please start again.',
  oidc_failed: 'The sign-in provider’s answer could not be accepted. Please try again.',
  oidc_email_not_verified:
    'Your sign-in provider has not verified your email address, so it cannot be used to sign in here.',
  oidc_account_deactivated: 'This account is deactivated. Ask your organisation’s admin.',
  oidc_organisation_closed: 'Your organisation is suspended or being closed, so nobody can sign in to it.',
};

export const isOidcLoginError = (value: unknown): value is OidcLoginError =>
  typeof value === 'string' && (OIDC_LOGIN_ERRORS as readonly string[]).includes(value);
