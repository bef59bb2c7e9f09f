/**
 * A call to a tenant's ElevenLabs account that brought no answer about what was asked, in the domain's terms
 * (temporal/elevenlabs-accounts.ts translates the adapter's ProviderErrors, which domain/ may not import):
 * `unreachable` may pass on retry (timeout, network, 429, 5xx); `key_refused` is ElevenLabs refusing the key itself;
 * `refused` is any other request ElevenLabs will refuse again. The message is safe to show.
 */
export class ElevenLabsFailure extends Error {
  override readonly name = 'ElevenLabsFailure';

  constructor(
    readonly kind: 'unreachable' | 'key_refused' | 'refused',
    message: string,
  ) {
    super(message);
  }
}
