import type { PortalRequest } from './virtual-users';

/** What a virtual user knows about its tenant: the ids its pages link to, growing as it opens tickets. */
export interface PortalContext {
  role: 'customer_admin' | 'customer_user';
  tenantWord: string;
  ticketIds: string[];
  /** Tickets that take replies (not closed): the portal shows no reply form on a closed one. */
  replyableTicketIds: string[];
  callLogIds: string[];
}

interface MixEntry {
  weight: number;
  /** Only customer admins have the grant (the portal hides the page from customer users). */
  adminOnly?: boolean;
  make(context: PortalContext, random: () => number, n: number): PortalRequest;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const get = (route: string, path = route.slice(4)): PortalRequest => ({ route, method: 'GET', path });

/**
 * The customer portal's traffic as its loaders and actions send it (web/app/routes/app*): every page reads the
 * signed-in user and the branding (the layout), the dashboard the month's usage by day, five bots, three invoices
 * and the subscription; then the bots, invoices, billing, calls, analytics, support and prompt pages; writes are
 * tickets opened and answered and a branding save (402 on a plan without white label).
 */
export const PORTAL_MIX: readonly MixEntry[] = [
  { weight: 6, make: () => get('GET /api/auth/me') },
  { weight: 6, make: () => get('GET /api/branding') },
  { weight: 3, make: () => get('GET /api/usage/summary', '/api/usage/summary?range=month&groupBy=day') },
  { weight: 2, make: () => get('GET /api/bots', '/api/bots?pageSize=5') },
  { weight: 1, make: () => get('GET /api/bots', '/api/bots?pageSize=20') },
  { weight: 2, make: () => get('GET /api/invoices', '/api/invoices?pageSize=3') },
  { weight: 1, make: () => get('GET /api/invoices', '/api/invoices?pageSize=20') },
  { weight: 3, make: () => get('GET /api/billing/subscription') },
  { weight: 1, make: () => get('GET /api/plans') },
  { weight: 3, make: () => get('GET /api/call-logs', '/api/call-logs?limit=25') },
  {
    weight: 2,
    make: (context, random) => get('GET /api/call-logs/:id', `/api/call-logs/${pick(context.callLogIds, random)}`),
  },
  { weight: 1, make: () => get('GET /api/analytics/organization') },
  { weight: 3, make: () => get('GET /api/support/tickets', '/api/support/tickets?pageSize=20') },
  {
    weight: 2,
    make: (context, random) =>
      get('GET /api/support/tickets/:id', `/api/support/tickets/${pick(context.ticketIds, random)}`),
  },
  {
    weight: 0.5,
    make: (context, _random, n) => ({
      route: 'POST /api/support/tickets',
      method: 'POST',
      path: '/api/support/tickets',
      body: { subject: `Load test question ${n}`, body: `The ${context.tenantWord} bench asks question ${n}.` },
    }),
  },
  {
    weight: 1,
    make: (context, random, n) => ({
      route: 'POST /api/support/tickets/:id/messages',
      method: 'POST',
      path: `/api/support/tickets/${pick(context.replyableTicketIds, random)}/messages`,
      body: { body: `Bench follow-up ${n}: still happening.` },
    }),
  },
  { weight: 1, adminOnly: true, make: () => get('GET /api/prompt-config') },
  {
    weight: 1,
    adminOnly: true,
    make: () => get('GET /api/prompt-config/preview', '/api/prompt-config/preview?role=receptionist'),
  },
  {
    weight: 0.5,
    adminOnly: true,
    make: (context, _random, n) => ({
      route: 'PUT /api/branding',
      method: 'PUT',
      path: '/api/branding',
      body: { dashboardTitle: `Portal ${n % 10}`, primaryColor: n % 2 === 0 ? '#4f46e5' : '#0f766e' },
    }),
  },
];

/** A small seeded PRNG (mulberry32): every run sends the same sequence of requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The next request of a virtual user with `context`, drawn by weight from the entries its role may use. */
export function portalRequests(context: PortalContext, seed: number): () => PortalRequest {
  const entries = PORTAL_MIX.filter((entry) => !entry.adminOnly || context.role === 'customer_admin');
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const random = seededRandom(seed);
  let n = 0;
  return () => {
    n += 1;
    let draw = random() * total;
    for (const entry of entries) {
      draw -= entry.weight;
      if (draw < 0) return entry.make(context, random, n);
    }
    return entries[entries.length - 1]!.make(context, random, n);
  };
}
