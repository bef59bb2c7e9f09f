-- Daily usage rollup, maintained on write by a trigger: the summary API reads at most days × bots × kinds rows
-- per tenant instead of scanning raw events. Only rows actually inserted fire it, so idempotent re-inserts
-- (ON CONFLICT DO NOTHING on usage_events.idempotency_key) never double count.

create table usage_daily (
  tenant_id uuid not null references tenants (id) on delete cascade,
  -- the zero uuid stands for usage not tied to a bot
  bot_id uuid not null,
  day date not null,
  kind text not null,
  quantity bigint not null,
  events bigint not null,
  primary key (tenant_id, day, bot_id, kind)
);

alter table usage_daily enable row level security;
alter table usage_daily force row level security;
create policy tenant_isolation on usage_daily
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());

create or replace function usage_daily_apply() returns trigger language plpgsql as $$
begin
  insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events)
  values (new.tenant_id, coalesce(new.bot_id, '00000000-0000-0000-0000-000000000000'),
          (new.occurred_at at time zone 'UTC')::date, new.kind, new.quantity, 1)
  on conflict (tenant_id, day, bot_id, kind)
  do update set quantity = usage_daily.quantity + excluded.quantity, events = usage_daily.events + 1;
  return new;
end $$;

create trigger usage_events_rollup after insert on usage_events
  for each row execute function usage_daily_apply();

insert into usage_daily (tenant_id, bot_id, day, kind, quantity, events)
select tenant_id, coalesce(bot_id, '00000000-0000-0000-0000-000000000000'), (occurred_at at time zone 'UTC')::date,
       kind, sum(quantity), count(*)
from usage_events
group by 1, 2, 3, 4;

-- Calls are looked up by provider id on every webhook.
create index call_logs_bot_idx on call_logs (bot_id, started_at desc);
