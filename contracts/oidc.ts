import { z } from 'zod';

/** Whether the sign-in page offers "Sign in with <displayName>" (public: no account is named). */
export const OidcLoginConfig = z
  .object({ enabled: z.boolean(), displayName: z.string().nullable() })
  .meta({ id: 'OidcLoginConfig' });
export type OidcLoginConfig = z.infer<typeof OidcLoginConfig>;

/**
 * What the identity provider sends the browser back with (RFC 6749 §4.1.2, RFC 9207's `iss`). Not strict: providers
 * add parameters of their own (`session_state`, `scope`, …), which the client library ignores.
 */
export const OidcCallbackQuery = z.object({
  code: z.string().min(1).max(4096).optional(),
  state: z.string().min(1).max(512).optional(),
  iss: z.string().min(1).max(2048).optional(),
  error: z.string().min(1).max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;
