import http from 'node:http';
import { PORTAL_MIX, seededRandom, type PortalContext } from './portal-mix';
import { processTreeCpuSeconds } from './process-cpu';
import { send } from './virtual-users';

const WARM_UP_ROUNDS = 20;

export interface RouteCost {
  route: string;
  requests: number;
  /** CPU of the API process per request, in ms: what bounds throughput once the API is saturated. */
  cpuMs: number;
  /** Wall time per request with nothing else in flight: the floor of the route's latency. */
  wallMs: number;
}

/**
 * Each route of the portal mix alone: `perRoute` requests one after another on one keep-alive connection of a
 * customer admin, after unrecorded rounds of every route, with the API process's CPU read before and after. Writes run too
 * (tickets, replies, branding), so this runs before the load, whose figures do not depend on the data it adds.
 */
export async function measureRouteCosts(
  api: { url: string; pid: number },
  admin: { headers: Record<string, string>; context: PortalContext },
  perRoute: number,
): Promise<RouteCost[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const random = seededRandom(7);
  const firstOfEachRoute = [...new Map(PORTAL_MIX.map((entry) => [entry.make(admin.context, random, 0).route, entry]))];
  const costs: RouteCost[] = [];
  try {
    // Every route first, so no route's figure carries the JIT's first compilation of the paths all of them share.
    for (let n = 0; n < WARM_UP_ROUNDS; n += 1) {
      for (const [, entry] of firstOfEachRoute)
        await send(api.url, agent, entry.make(admin.context, random, n), admin.headers);
    }
    for (const [route, entry] of firstOfEachRoute) {
      const cpuBefore = processTreeCpuSeconds(api.pid);
      const started = performance.now();
      for (let n = 0; n < perRoute; n += 1) {
        await send(api.url, agent, entry.make(admin.context, random, 1_000 + n), admin.headers);
      }
      costs.push({
        route,
        requests: perRoute,
        cpuMs: ((processTreeCpuSeconds(api.pid) - cpuBefore) * 1000) / perRoute,
        wallMs: (performance.now() - started) / perRoute,
      });
    }
  } finally {
    agent.destroy();
  }
  return costs.sort((a, b) => b.cpuMs - a.cpuMs);
}
