/**
 * A provider check that brought no good answer, with a message safe to show a tenant: it names what went wrong in
 * the platform's words, never a key, a URL with credentials or the provider's raw error text.
 */
export class ProbeFailure extends Error {
  override readonly name = 'ProbeFailure';
}
