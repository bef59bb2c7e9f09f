import { BOT_ROLES } from '../contracts/bot-role';
import { BOT_STATUSES } from '../contracts/bot-status';
import { FAVICON_CONTENT_TYPES, LOGO_CONTENT_TYPES } from '../contracts/branding';
import { CALL_LOG_STATUSES } from '../contracts/call-status';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '../contracts/conversation';
import { INTEGRATION_PROVIDERS, INTEGRATION_STATUSES } from '../contracts/integration';
import { INVOICE_STATUSES } from '../contracts/invoice-status';
import { OFFBOARDING_RUN_STATUSES } from '../contracts/offboarding-steps';
import { EMAIL_STATUSES } from '../contracts/outbox-status';
import { JOB_KINDS, JOB_STATUSES } from '../contracts/provisioning-job';
import { PLATFORM_ROLES, ROLES } from '../contracts/roles';
import { SUBSCRIPTION_STATUSES } from '../contracts/subscription-status';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../contracts/support-ticket';
import { TENANT_EXPORT_STATUSES } from '../contracts/tenant-export';
import { TENANT_STATUSES } from '../contracts/tenant-status';
import { USAGE_KINDS } from '../contracts/usage-kind';
import { WEBHOOK_EVENT_STATUSES } from '../contracts/webhook-event-status';
import { createOrm, type Orm } from '../db/orm';
import { testDatabaseUrl } from './support/harness';

/** Every `table.column` with a fixed vocabulary, and the contract array that spells it. */
const VOCABULARIES: Record<string, readonly string[]> = {
  'tenants.status': TENANT_STATUSES,
  'users.role': ROLES,
  'bots.status': BOT_STATUSES,
  'bots.role': BOT_ROLES,
  'provisioning_jobs.kind': JOB_KINDS,
  'provisioning_jobs.status': JOB_STATUSES,
  'usage_events.kind': USAGE_KINDS,
  'usage_daily.kind': USAGE_KINDS,
  'support_tickets.status': TICKET_STATUSES,
  'support_tickets.priority': TICKET_PRIORITIES,
  'invoices.status': INVOICE_STATUSES,
  'email_outbox.status': EMAIL_STATUSES,
  'integrations.provider': INTEGRATION_PROVIDERS,
  'integrations.status': INTEGRATION_STATUSES,
  'subscriptions.status': SUBSCRIPTION_STATUSES,
  'webhook_events.status': WEBHOOK_EVENT_STATUSES,
  'call_logs.status': CALL_LOG_STATUSES,
  'call_logs.outcome': CALL_OUTCOMES,
  'call_logs.direction': CALL_DIRECTIONS,
  'tenant_branding.logo_content_type': LOGO_CONTENT_TYPES,
  'tenant_branding.favicon_content_type': FAVICON_CONTENT_TYPES,
  'offboarding_runs.status': OFFBOARDING_RUN_STATUSES,
  'tenant_exports.status': TENANT_EXPORT_STATUSES,
};

/** Columns without a check of their own: usage_daily's rows come only from usage_events (by trigger), checked there. */
const UNCHECKED = new Set(['usage_daily.kind']);

/** Checks that test a column against part of its vocabulary on purpose, by constraint name. */
const SUBSETS: Record<string, { column: string; values: readonly string[] }> = {
  // Platform staff belong to no tenant; every customer belongs to exactly one.
  users_role_matches_tenant: { column: 'users.role', values: PLATFORM_ROLES },
};

interface Check {
  table: string;
  name: string;
  definition: string;
}

/** One `col in (...)` of a check: Postgres stores it as `col = ANY (ARRAY['a'::text, ...])`. */
interface InList {
  constraint: string;
  column: string;
  values: string[];
  /** The whole check is this one list, not a part of a larger expression. */
  whole: boolean;
}

const IN_LIST = /\(*(\w+) = ANY \(ARRAY\[([^\]]*)\]\)/g;
const LITERAL = /'((?:[^']|'')*)'::[\w ]+/g;

function inLists(check: Check): InList[] {
  const lists = [...check.definition.matchAll(IN_LIST)];
  return lists.map(([match, column, array]) => ({
    constraint: check.name,
    column: `${check.table}.${column!}`,
    values: [...array!.matchAll(LITERAL)].map(([, value]) => value!.replaceAll("''", "'")),
    whole: lists.length === 1 && check.definition.replace(match, '').replace(/[()\s]/g, '') === 'CHECK',
  }));
}

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('contracts agree with the database schema', () => {
  let orm: Orm;
  let lists: InList[];

  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl());
    const checks = await orm.em.fork().execute<Check[]>(
      `select t.relname as "table", c.conname as "name", pg_get_constraintdef(c.oid) as "definition"
         from pg_constraint c
         join pg_class t on t.oid = c.conrelid
         join pg_namespace n on n.oid = t.relnamespace
        where c.contype = 'c' and n.nspname = current_schema()`,
    );
    lists = checks.flatMap(inLists);
  });
  afterAll(() => orm.close());

  it('reads the checks it is meant to read (the parser understands the catalog)', () => {
    const tenants = lists.find((list) => list.column === 'tenants.status');
    expect(tenants).toMatchObject({ whole: true, values: [...TENANT_STATUSES] });
  });

  it('allows in every checked column exactly the values of its contract', () => {
    const disagreements = lists
      .filter((list) => list.whole && VOCABULARIES[list.column])
      .filter((list) => JSON.stringify(sorted(list.values)) !== JSON.stringify(sorted(VOCABULARIES[list.column]!)))
      .map(
        (list) =>
          `${list.column} (${list.constraint}): database [${list.values}], contract [${VOCABULARIES[list.column]}]`,
      );
    expect(disagreements).toEqual([]);
  });

  it('has a contract for every in (...) check, and a check for every contract column', () => {
    const whole = lists.filter((list) => list.whole).map((list) => list.column);
    const parts = lists.filter((list) => !list.whole).map((list) => `${list.constraint} on ${list.column}`);
    expect(sorted(whole)).toEqual(sorted(Object.keys(VOCABULARIES).filter((column) => !UNCHECKED.has(column))));
    expect(sorted(parts)).toEqual(sorted(Object.entries(SUBSETS).map(([name, { column }]) => `${name} on ${column}`)));
  });

  it('keeps checks that name part of a vocabulary to values of its contract', () => {
    for (const [name, { column, values }] of Object.entries(SUBSETS)) {
      const list = lists.find((candidate) => candidate.constraint === name);
      expect({ name, values: sorted(list?.values ?? []) }).toEqual({ name, values: sorted(values) });
      expect(values.every((value) => VOCABULARIES[column]!.includes(value))).toBe(true);
    }
  });
});
