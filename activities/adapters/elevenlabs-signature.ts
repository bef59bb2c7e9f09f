import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck =
  | { valid: true; signedAt: Date }
  | {
      valid: false;
      /** malformed header, no matching signature, or authentic but outside the window (a replay, or a bad clock). */
      reason: 'malformed' | 'mismatch' | 'expired' | 'future';
    };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * Checks an `ElevenLabs-Signature: t=<unix>,v0=<hex>` header: the HMAC-SHA256 of `<t>.<raw body>` with the
 * webhook secret, compared in constant time (the SDK's `constructEvent` compares strings with `!==` and has no
 * upper bound on `t`). Several `v0` entries are allowed, as while a secret is being rotated. Only a signature
 * that matches is judged by its time, so `expired` and `future` always mean an authentic request.
 */
export function verifyElevenLabsSignature(
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  now: Date,
  toleranceSec: number,
): SignatureCheck {
  if (!secret) throw new Error('No ElevenLabs webhook secret to verify with');
  const parts = (header ?? '').split(',').map((part) => part.trim());
  const timestamps = parts.filter((part) => part.startsWith('t=')).map((part) => part.slice(2));
  const signatures = parts.filter((part) => part.startsWith('v0=')).map((part) => part.slice(3));
  const [timestamp] = timestamps;
  if (timestamps.length !== 1 || !timestamp || !TIMESTAMP.test(timestamp)) return { valid: false, reason: 'malformed' };
  if (signatures.length === 0 || !signatures.every((signature) => SIGNATURE.test(signature))) {
    return { valid: false, reason: 'malformed' };
  }

  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  if (!matches) return { valid: false, reason: 'mismatch' };

  const ageSec = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (ageSec > toleranceSec) return { valid: false, reason: 'expired' };
  if (ageSec < -toleranceSec) return { valid: false, reason: 'future' };
  return { valid: true, signedAt: new Date(Number(timestamp) * 1000) };
}
