import { createUsedTokens, signBotStreamToken, verifyBotStreamToken } from './stream-token';

const SECRET = 'a'.repeat(64);
const CALL = 'CA0123456789abcdef0123456789abcdef';

describe('bot stream tokens', () => {
  it('accepts the bot’s own live token for its call', () => {
    expect(verifyBotStreamToken(SECRET, CALL, signBotStreamToken(SECRET, CALL))).toBe(true);
  });

  it.each([
    ['another call’s token', () => signBotStreamToken(SECRET, 'CA9')],
    ['a token of another bot’s secret', () => signBotStreamToken('b'.repeat(64), CALL)],
    ['an expired token', () => signBotStreamToken(SECRET, CALL, Date.now() - 11 * 60_000)],
    ['a token dated too far ahead', () => signBotStreamToken(SECRET, CALL, Date.now() + 60 * 60_000)],
    [
      'a token with a flipped digit',
      () => signBotStreamToken(SECRET, CALL).replace(/.$/, (c) => (c === '0' ? '1' : '0')),
    ],
    ['a truncated token', () => signBotStreamToken(SECRET, CALL).slice(0, -2)],
    ['no token', () => undefined],
    ['a number', () => 42],
  ])('refuses %s', (_name, token) => {
    expect(verifyBotStreamToken(SECRET, CALL, token())).toBe(false);
  });

  it('lets each token open one stream until it expires', () => {
    let now = 1_000;
    const used = createUsedTokens(() => now);
    expect(used.claim('t1')).toBe(true);
    expect(used.claim('t1')).toBe(false);
    expect(used.claim('t2')).toBe(true);
    now += 11 * 60_000;
    expect(used.claim('t1')).toBe(true);
  });
});
