import { createCallRouteCache } from './call-route-cache';
import type { CallRoute } from './resolve-call-route';

const bot = (tenantId: string) => ({ id: `bot-${tenantId}`, tenantId, locale: 'de-AT' });

describe('call route cache', () => {
  let now = 0;
  let lookups: string[] = [];
  let answer: (calledNumber: string) => Promise<CallRoute>;
  const resolve = (calledNumber: string) => {
    lookups.push(calledNumber);
    return answer(calledNumber);
  };
  beforeEach(() => {
    now = 1_000;
    lookups = [];
    answer = async (calledNumber) => ({
      kind: 'connect',
      bot: bot(`tenant-of-${calledNumber}`),
      appUrl: `https://app-of-${calledNumber}.example.com/`,
    });
  });

  it('shares one look-up between concurrent webhooks for a number, per number', async () => {
    const routeOf = createCallRouteCache(resolve, { ttlMs: 1_000, now: () => now });
    const routes = await Promise.all(['+431', '+431', '+432', '+431'].map(routeOf));
    expect(lookups).toEqual(['+431', '+432']);
    expect(routes.map((route) => route.kind === 'connect' && route.bot.tenantId)).toEqual([
      'tenant-of-+431',
      'tenant-of-+431',
      'tenant-of-+432',
      'tenant-of-+431',
    ]);
  });

  it('looks the number up again once the answer is older than the TTL', async () => {
    const routeOf = createCallRouteCache(resolve, { ttlMs: 1_000, now: () => now });
    await routeOf('+431');
    now += 999;
    await routeOf('+431');
    expect(lookups).toHaveLength(1);
    answer = async () => ({ kind: 'refuse', reason: 'tenant_suspended', bot: bot('t') });
    now += 1;
    expect((await routeOf('+431')).kind).toBe('refuse');
    expect(lookups).toHaveLength(2);
  });

  it('does not remember a failed look-up', async () => {
    const routeOf = createCallRouteCache(resolve, { ttlMs: 1_000, now: () => now });
    answer = async () => {
      throw new Error('database unavailable');
    };
    await expect(routeOf('+431')).rejects.toThrow('database unavailable');
    answer = async () => ({ kind: 'unroutable' });
    await expect(routeOf('+431')).resolves.toEqual({ kind: 'unroutable' });
    expect(lookups).toHaveLength(2);
  });

  it('holds at most maxEntries numbers, dropping the oldest', async () => {
    const routeOf = createCallRouteCache(resolve, { ttlMs: 60_000, maxEntries: 2, now: () => now });
    for (const calledNumber of ['+431', '+432', '+433', '+432', '+431']) await routeOf(calledNumber);
    expect(lookups).toEqual(['+431', '+432', '+433', '+431']);
  });

  it('with a TTL of 0 asks every time', async () => {
    const routeOf = createCallRouteCache(resolve, { ttlMs: 0 });
    await Promise.all([routeOf('+431'), routeOf('+431')]);
    expect(lookups).toEqual(['+431', '+431']);
  });
});
