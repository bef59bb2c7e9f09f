import { createHmac } from 'node:crypto';
import { verifyElevenLabsSignature } from './elevenlabs-signature';

const SECRET = 'wsec_0123456789abcdef';
const NOW = new Date('2026-11-20T12:00:00Z');
const nowSec = NOW.getTime() / 1000;
const BODY = '{"type":"post_call_transcription","event_timestamp":1795000000,"data":{"agent_id":"agent_1"}}';
const sign = (body: string | Buffer, t: number, secret = SECRET) =>
  `t=${t},v0=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
const verify = (header: string | undefined, body: string | Buffer = BODY) =>
  verifyElevenLabsSignature(body, header, SECRET, NOW, 1800);

describe('ElevenLabs webhook signature', () => {
  it('accepts a body signed with the secret within the window, as a string or as bytes', () => {
    expect(verify(sign(BODY, nowSec - 60))).toEqual({ valid: true, signedAt: new Date((nowSec - 60) * 1000) });
    const bytes = Buffer.from('{"text":"Grüße 👋"}');
    expect(verify(sign(bytes, nowSec), bytes)).toMatchObject({ valid: true });
    expect(verify(` t=${nowSec} , v0=${sign(BODY, nowSec).split('v0=')[1]} `)).toMatchObject({ valid: true });
  });

  it('refuses a signature made with another secret, or over a body altered by one byte', () => {
    expect(verify(sign(BODY, nowSec, 'wsec_forged'))).toEqual({ valid: false, reason: 'mismatch' });
    expect(verify(sign(BODY, nowSec), BODY.replace('agent_1', 'agent_2'))).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    // The timestamp is signed too: moving it into the window breaks the signature.
    const old = sign(BODY, nowSec - 7200);
    expect(verify(old.replace(`t=${nowSec - 7200}`, `t=${nowSec}`))).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses authentic requests signed too long ago or too far ahead, at the edge of the window both ways', () => {
    expect(verify(sign(BODY, nowSec - 1800))).toMatchObject({ valid: true });
    expect(verify(sign(BODY, nowSec - 1801))).toEqual({ valid: false, reason: 'expired' });
    expect(verify(sign(BODY, nowSec + 1800))).toMatchObject({ valid: true });
    expect(verify(sign(BODY, nowSec + 1801))).toEqual({ valid: false, reason: 'future' });
  });

  it('accepts any one of several v0 signatures, as during a secret rotation', () => {
    const current = sign(BODY, nowSec).split(',')[1];
    const previous = sign(BODY, nowSec, 'wsec_previous').split(',')[1];
    expect(verify(`t=${nowSec},${previous},${current}`)).toMatchObject({ valid: true });
    expect(verify(`t=${nowSec},${previous}`)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no timestamp', `v0=${'a'.repeat(64)}`],
    ['no signature', `t=${nowSec}`],
    ['a timestamp that is not a number', `t=soon,v0=${'a'.repeat(64)}`],
    ['two timestamps', `t=${nowSec},t=${nowSec},v0=${'a'.repeat(64)}`],
    ['a short signature', `t=${nowSec},v0=abc`],
    ['a signature that is not hex', `t=${nowSec},v0=${'z'.repeat(64)}`],
    ['Stripe’s scheme', `t=${nowSec},v1=${'a'.repeat(64)}`],
  ])('refuses a malformed header: %s', (_case, header) => {
    expect(verify(header)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('will not verify without a secret', () => {
    expect(() => verifyElevenLabsSignature(BODY, sign(BODY, nowSec), '', NOW, 1800)).toThrow(/secret/);
  });
});
