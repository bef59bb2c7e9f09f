// Failure types the conversation activities raise and the workflows tell apart (ApplicationFailure.type).

/** ElevenLabs refused the tenant's key (401/403): nothing works until the tenant saves or fixes it. */
export const ELEVENLABS_KEY_REFUSED = 'ElevenLabsKeyRefused';
/** The tenant has no ElevenLabs integration (any more). */
export const ELEVENLABS_INTEGRATION_MISSING = 'ElevenLabsIntegrationMissing';
