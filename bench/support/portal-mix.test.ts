import { PORTAL_MIX, portalRequests, seededRandom, type PortalContext } from './portal-mix';

const context = (role: PortalContext['role']): PortalContext => ({
  role,
  tenantWord: 'alpenklang',
  ticketIds: ['0b7c5a4e-1111-4aaa-8aaa-000000000001', '0b7c5a4e-1111-4aaa-8aaa-000000000003'],
  replyableTicketIds: ['0b7c5a4e-1111-4aaa-8aaa-000000000003'],
  callLogIds: ['0b7c5a4e-1111-4aaa-8aaa-000000000002'],
});

describe('portal request mix', () => {
  it('is the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it("draws every route over many requests, but never an admin's page for a customer user", () => {
    const routesOf = (role: PortalContext['role']) => {
      const next = portalRequests(context(role), 42);
      return new Set(Array.from({ length: 5_000 }, () => next().route));
    };
    const adminRoutes = routesOf('customer_admin');
    const userRoutes = routesOf('customer_user');
    expect(adminRoutes).toContain('PUT /api/branding');
    expect(adminRoutes).toContain('GET /api/prompt-config');
    expect(userRoutes).not.toContain('PUT /api/branding');
    expect(userRoutes).not.toContain('GET /api/prompt-config');
    expect(userRoutes).toContain('POST /api/support/tickets/:id/messages');
    expect(adminRoutes.size).toBe(
      new Set(PORTAL_MIX.map((entry) => entry.make(context('customer_admin'), Math.random, 1).route)).size,
    );
  });

  it("puts the tenant's own ids into detail paths, and replies only on tickets that take them", () => {
    const next = portalRequests(context('customer_user'), 3);
    const requests = Array.from({ length: 2_000 }, next);
    const detail = requests.find((request) => request.route === 'GET /api/call-logs/:id');
    expect(detail?.path).toBe('/api/call-logs/0b7c5a4e-1111-4aaa-8aaa-000000000002');
    const replies = requests.filter((request) => request.route === 'POST /api/support/tickets/:id/messages');
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies.map((request) => request.path))).toEqual(
      new Set(['/api/support/tickets/0b7c5a4e-1111-4aaa-8aaa-000000000003/messages']),
    );
    const opened = requests.filter((request) => request.route === 'GET /api/support/tickets/:id');
    expect(new Set(opened.map((request) => request.path)).size).toBe(2);
  });
});
