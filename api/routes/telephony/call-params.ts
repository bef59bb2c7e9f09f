import { z } from 'zod';
import { CALL_STATUSES } from '../../../contracts/call-status';

/** Twilio never reports a call longer than a day; more is forged or corrupt, and would be billed. */
const MAX_CALL_SECONDS = 86_400;
/** A callback's time may lag (retries) or lead (clock skew) ours by this much; beyond it the event is refused. */
const TIMESTAMP_WINDOW_MS = 2 * 86_400_000;

const phoneAddress = z
  .string()
  .min(1)
  .max(64)
  // E.164 numbers, or Twilio's client:/sip: addresses and `anonymous` for withheld callers.
  .regex(/^(\+?[0-9]{2,15}|client:[\w.@-]{1,50}|sip:[\w.@:+-]{1,58}|anonymous)$/i, 'not a phone address');

const callbackTime = z
  .string()
  .max(64)
  .refine((value) => Number.isFinite(Date.parse(value)), 'not a date')
  .refine(
    (value) => Math.abs(Date.parse(value) - Date.now()) <= TIMESTAMP_WINDOW_MS,
    'more than two days away from now',
  )
  .transform((value) => new Date(Date.parse(value)).toISOString());

/**
 * The fields of Twilio's voice and status webhooks the platform reads, each bounded: whatever passes here is
 * safe to store and bill. Other fields Twilio sends are kept for the signature and ignored.
 */
export const CallParams = z.looseObject({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/),
  To: phoneAddress,
  From: phoneAddress.default('anonymous'),
  CallStatus: z.enum(CALL_STATUSES),
  // Plain decimal digits only: coercion would also read '1e3', '0x10' or ' ' as numbers.
  CallDuration: z
    .string()
    .regex(/^\d{1,6}$/, 'whole seconds')
    .transform(Number)
    .pipe(z.number().max(MAX_CALL_SECONDS))
    .optional(),
  Timestamp: callbackTime.optional(),
});

export type CallParams = z.infer<typeof CallParams>;
