import {
  Bot,
  Invoice,
  InvoiceLine,
  Plan,
  SupportTicket,
  SupportTicketMessage,
  Tenant,
  UsageEvent,
  User,
} from '../db/entities';
import { createOrm, type Orm } from '../db/orm';
import { inScope } from '../db/scope';
import { DEMO_TENANT_SLUG, seed } from '../domain/seed';
import { testDatabaseUrl } from './support/harness';

describe('database schema and seed', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl());
  });
  afterAll(() => orm.close());

  it('keeps entities and the SQL migration in agreement (no pending column or table changes)', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
    const structural = diff
      .split('\n')
      .filter((line) =>
        /^(create table|alter table .* add column|alter table .* alter column .* type)/i.test(line.trim()),
      );
    expect(structural).toEqual([]);
  });

  it('seeds idempotently: the second run adds nothing', async () => {
    const options = {
      adminEmail: 'seed-admin@test.voiceplane.local',
      adminPassword: 'Seed-Admin-Pass-1234!',
      demo: { password: 'demo-pass-123' },
    };
    const count = () =>
      inScope(orm, { system: 'test' }, async (em) => {
        const tenant = await em.findOneOrFail(Tenant, { slug: DEMO_TENANT_SLUG });
        return {
          plans: await em.count(Plan, {}),
          users: await em.count(User, { tenantId: tenant.id }),
          bots: await em.count(Bot, { tenantId: tenant.id, status: 'ready' }),
          usage: await em.count(UsageEvent, { tenantId: tenant.id }),
          admins: await em.count(User, { email: options.adminEmail, role: 'platform_admin' }),
          invoices: await em.count(Invoice, { tenantId: tenant.id }),
          invoiceLines: await em.count(InvoiceLine, { tenantId: tenant.id }),
          tickets: await em.count(SupportTicket, { tenantId: tenant.id }),
          ticketMessages: await em.count(SupportTicketMessage, { tenantId: tenant.id }),
        };
      });
    await seed(orm, options);
    const first = await count();
    await seed(orm, options);
    expect(await count()).toEqual(first);
    expect(first).toEqual({
      plans: 3,
      users: 2,
      bots: 1,
      usage: 100,
      admins: 1,
      invoices: 2,
      invoiceLines: 4,
      tickets: 1,
      ticketMessages: 1,
    });
  });
});
