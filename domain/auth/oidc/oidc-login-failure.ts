import type { OidcLoginError } from '../../../contracts/oidc-login-errors';

/**
 * An OpenID Connect sign-in that ends on the sign-in page with `?error=<code>`. The message and cause are for the
 * log only: the page shows the code's fixed text.
 */
export class OidcLoginFailure extends Error {
  constructor(
    readonly code: OidcLoginError,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'OidcLoginFailure';
  }
}
