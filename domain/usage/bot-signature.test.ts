import { botSigningSecret, signBotRequest, verifyBotRequest } from './bot-signature';

describe('bot request signatures', () => {
  const secret = botSigningSecret('platform-secret', 'bot-1');
  const now = 1_800_000_000_000;
  const body = '{"reports":[]}';

  it('accepts a fresh, correctly signed request', () => {
    const timestamp = String(now - 1_000);
    expect(
      verifyBotRequest(secret, { timestamp, signature: signBotRequest(secret, timestamp, body), rawBody: body }, now),
    ).toBe(true);
  });

  it('rejects another bot’s secret, a changed body, a stale timestamp and missing headers', () => {
    const timestamp = String(now);
    const signature = signBotRequest(secret, timestamp, body);
    const otherBot = botSigningSecret('platform-secret', 'bot-2');
    expect(verifyBotRequest(otherBot, { timestamp, signature, rawBody: body }, now)).toBe(false);
    expect(verifyBotRequest(secret, { timestamp, signature, rawBody: `${body} ` }, now)).toBe(false);
    const old = String(now - 10 * 60_000);
    expect(
      verifyBotRequest(secret, { timestamp: old, signature: signBotRequest(secret, old, body), rawBody: body }, now),
    ).toBe(false);
    expect(verifyBotRequest(secret, { timestamp: undefined, signature, rawBody: body }, now)).toBe(false);
  });
});
