import type { ConversationFacts, InitiationFailure } from './conversation-event';

/** A verified post-call webhook in the domain's terms (read by temporal/elevenlabs-webhooks.ts). */
export type PostCallEvent =
  | { type: 'post_call_transcription'; conversationId: string; agentId: string; facts: ConversationFacts }
  | { type: 'post_call_audio'; conversationId: string; agentId: string; audio: Uint8Array }
  | { type: 'call_initiation_failure'; conversationId: string; agentId: string; failure: InitiationFailure }
  /** A kind of event this platform does not use; acknowledged and dropped. */
  | { type: 'other'; eventType: string };
