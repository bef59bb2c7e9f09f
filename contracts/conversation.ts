/** ElevenLabs' verdict on a call (`analysis.call_successful`), as call logs keep it. */
export const CALL_OUTCOMES = ['success', 'failure', 'unknown'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Which side dialled: a caller reached the agent (inbound) or the agent called out (outbound). */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** Call logs of the ElevenLabs monitoring product carry this provider; telephony's carry `twilio`. */
export const ELEVENLABS_CALL_PROVIDER = 'elevenlabs';
