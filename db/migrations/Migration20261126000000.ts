import { Migration } from '@mikro-orm/migrations';

/**
 * Plans follow config/pricing.json (issue 10). The table takes the price list's shape; its rows are written by
 * domain/billing/sync-plans-from-catalog.ts, which the seed runs after every migration (`npm run db:seed`), and
 * which moves the subscriptions of the earlier fixture plans (growth, scale) to pro and enterprise. Until then the
 * fixture rows keep their fee and bot limit, with no minute cap and no usage prices.
 *
 * Plans are the same for every tenant: anyone may read them, only the explicit bypass may write them.
 * Subscriptions gain the statuses Stripe's subscriptions need, the start of an overdue payment (set exactly
 * while `past_due`) and the Stripe subscription's id.
 */
const UP = `
alter table plans rename column monthly_price_cents to monthly_fee_cents;
alter table plans
  drop column included_minutes,
  drop column price_per_minute_cents,
  add column stripe_price_id text check (stripe_price_id ~ '^price_[A-Za-z0-9_]+$'),
  add column features jsonb not null default '{}',
  add column monthly_minute_cap integer check (monthly_minute_cap >= 1),
  add column usage_prices jsonb not null default '{}',
  add column sort_order integer not null default 0,
  add column updated_at timestamptz not null default now();

alter table plans enable row level security;
alter table plans force row level security;
create policy plans_readable on plans for select using (true);
create policy plans_written_by_platform on plans
  using (app_bypass_rls())
  with check (app_bypass_rls());

alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check
  check (status in ('incomplete', 'active', 'past_due', 'canceled'));
alter table subscriptions
  add column past_due_since timestamptz,
  add column stripe_subscription_id text unique,
  add constraint subscriptions_past_due_since_check check ((status = 'past_due') = (past_due_since is not null));
drop index subscriptions_one_active;
-- The subscription a tenant is billed and gated by; a paid plan waiting in Checkout (incomplete) may sit beside it.
create unique index subscriptions_one_in_force on subscriptions (tenant_id) where status in ('active', 'past_due');
`;

const DOWN = `
drop index subscriptions_one_in_force;
update subscriptions set status = 'canceled' where status in ('incomplete', 'past_due');
alter table subscriptions
  drop constraint subscriptions_past_due_since_check,
  drop column stripe_subscription_id,
  drop column past_due_since;
alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check check (status in ('active', 'canceled'));
create unique index subscriptions_one_active on subscriptions (tenant_id) where status = 'active';

drop policy plans_written_by_platform on plans;
drop policy plans_readable on plans;
alter table plans no force row level security;
alter table plans disable row level security;
alter table plans
  drop column updated_at,
  drop column sort_order,
  drop column usage_prices,
  drop column monthly_minute_cap,
  drop column features,
  drop column stripe_price_id,
  add column included_minutes integer not null default 0 check (included_minutes >= 0),
  add column price_per_minute_cents integer not null default 0 check (price_per_minute_cents >= 0);
alter table plans rename column monthly_fee_cents to monthly_price_cents;
`;

export class Migration20261126000000 extends Migration {
  override up(): void {
    this.addSql(UP);
  }

  override down(): void {
    this.addSql(DOWN);
  }
}
