import { randomBytes } from 'node:crypto';

export interface TwilioNumber {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string | null;
  voiceMethod: string;
  statusCallback: string | null;
  statusCallbackMethod: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface TwilioCall {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  /** queued | ringing | in-progress | completed | busy | failed | no-answer | canceled */
  status: string;
  direction: 'inbound' | 'outbound-api';
  durationSeconds: number | null;
  phoneNumberSid: string | null;
  startTime: Date | null;
  endTime: Date | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface TwilioState {
  numbers: Map<string, TwilioNumber>;
  /** Filled by tests today and by the call generator later. */
  calls: Map<string, TwilioCall>;
  /** Next candidate index per country, so successive searches never offer a number twice. */
  searchCursor: Map<string, number>;
  /** Digits between area code and line number of every number this simulator hands out. */
  exchange: string;
}

export function createTwilioState(exchange = '555'): TwilioState {
  return { numbers: new Map(), calls: new Map(), searchCursor: new Map(), exchange };
}

/** Twilio sids: a two-letter type prefix and 32 hex digits. */
export function twilioSid(prefix: 'PN' | 'CA'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Records a call as if Twilio had placed or received it; returns it for the caller's convenience. */
export function recordCall(
  state: TwilioState,
  call: Partial<TwilioCall> & Pick<TwilioCall, 'accountSid' | 'to' | 'from'>,
): TwilioCall {
  const now = new Date();
  const stored: TwilioCall = {
    sid: twilioSid('CA'),
    status: 'completed',
    direction: 'inbound',
    durationSeconds: null,
    phoneNumberSid: null,
    startTime: now,
    endTime: null,
    dateCreated: now,
    dateUpdated: now,
    ...call,
  };
  state.calls.set(stored.sid, stored);
  return stored;
}
