import type { CallRoute } from './resolve-call-route';

export interface CallRouteCacheOptions {
  /** How long a route is reused: 0 looks every webhook up afresh. */
  ttlMs: number;
  /** Numbers held at most; the oldest is dropped first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Every webhook of a call asks which bot answers the called number, and a burst asks it hundreds of times a
 * second for a handful of numbers. This keeps each answer for `ttlMs` and lets concurrent webhooks for one number
 * share a single look-up. The answer may be that old: a bot, tenant or plan change reaches calls within `ttlMs`
 * (a second by default), far less than it takes to release a number and give it to another tenant.
 */
export function createCallRouteCache(
  resolve: (calledNumber: string) => Promise<CallRoute>,
  { ttlMs, maxEntries = 10_000, now = Date.now }: CallRouteCacheOptions,
): (calledNumber: string) => Promise<CallRoute> {
  if (ttlMs <= 0) return resolve;
  const entries = new Map<string, { route: Promise<CallRoute>; until: number }>();
  return (calledNumber) => {
    const cached = entries.get(calledNumber);
    if (cached && cached.until > now()) return cached.route;
    const route = resolve(calledNumber);
    entries.delete(calledNumber);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(calledNumber, { route, until: now() + ttlMs });
    // A failed look-up is not remembered: the next webhook asks again.
    route.catch(() => {
      if (entries.get(calledNumber)?.route === route) entries.delete(calledNumber);
    });
    return route;
  };
}
