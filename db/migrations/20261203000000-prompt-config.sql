-- Per-tenant prompt configuration (seed 003 S2): what the tenant's bots call the business and themselves, where and
-- when it is, whom to ring in an emergency, and texts they may quote. One row per tenant; until a tenant saves, the
-- application derives defaults from the tenant's own name. Bots get a role, which picks their prompt templates.

create table prompt_configs (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  business_name text not null check (char_length(business_name) between 2 and 120),
  business_short_name text not null check (char_length(business_short_name) between 1 and 60),
  agent_name text not null check (char_length(agent_name) between 1 and 40),
  locale text not null,
  time_zone text not null,
  emergency_number text not null,
  address text not null default '' check (char_length(address) <= 300),
  prices_text text not null default '' check (char_length(prices_text) <= 4000),
  retention_rules text not null default '' check (char_length(retention_rules) <= 4000),
  disclaimer text not null default '' check (char_length(disclaimer) <= 2000),
  persona_bio text not null default '' check (char_length(persona_bio) <= 2000),
  -- Counts saves; the rollout to the tenant's bots (workflow applyPromptConfig) waits until it sees its version.
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now()
);

alter table prompt_configs enable row level security;
alter table prompt_configs force row level security;
create policy tenant_isolation on prompt_configs
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());

alter table bots
  add column role text not null default 'receptionist' check (role in ('receptionist', 'sales'));
