/** The API's `bodyLimit` (api/app.ts); the web proxy never reads past it either. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
/** ElevenLabs' `post_call_audio` carries the whole recording as base64: its webhook route allows this much. */
export const MAX_POST_CALL_WEBHOOK_BYTES = 50 * 1024 * 1024;
