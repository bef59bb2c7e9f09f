/** Twilio's call statuses, as its status callbacks report them. */
export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What a call log row may say: a provider's status, or that metering gave up on the call. */
export const CALL_LOG_STATUSES = [...CALL_STATUSES, 'metering_failed'] as const;
export type CallLogStatus = (typeof CALL_LOG_STATUSES)[number];
