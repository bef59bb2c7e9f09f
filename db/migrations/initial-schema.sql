-- VoicePlane initial schema. Every tenant-owned table carries tenant_id NOT NULL and is guarded by
-- row-level security driven by the per-transaction settings app.tenant_id / app.bypass_rls.

create or replace function app_current_tenant() returns uuid language sql stable as $$
  select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

create or replace function app_bypass_rls() returns boolean language sql stable as $$
  select coalesce(current_setting('app.bypass_rls', true), '') = 'on'
$$;

create table plans (
  id uuid primary key,
  code text not null unique,
  name text not null,
  currency char(3) not null,
  monthly_price_cents integer not null check (monthly_price_cents >= 0),
  included_minutes integer not null check (included_minutes >= 0),
  price_per_minute_cents integer not null check (price_per_minute_cents >= 0),
  max_bots integer not null check (max_bots >= 0),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index plans_single_default on plans (is_default) where is_default;

create table tenants (
  id uuid primary key,
  name text not null,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  status text not null check (status in ('pending_verification', 'active', 'suspended', 'offboarding')),
  onboarding_step text not null default 'created',
  contact_email text not null,
  verified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tenants_status_idx on tenants (status, created_at);

create table users (
  id uuid primary key,
  tenant_id uuid references tenants (id) on delete cascade,
  email text not null,
  name text not null,
  password_hash text,
  role text not null check (role in ('platform_admin', 'support', 'customer_admin', 'customer_user')),
  is_active boolean not null default true,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- platform staff belong to no tenant; every customer belongs to exactly one
  constraint users_role_matches_tenant check ((role in ('platform_admin', 'support')) = (tenant_id is null))
);
create unique index users_email_unique on users (lower(email));
create index users_tenant_idx on users (tenant_id, created_at);

create table refresh_sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  tenant_id uuid references tenants (id) on delete cascade,
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  rotated_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index refresh_sessions_family_idx on refresh_sessions (family_id);
create index refresh_sessions_user_idx on refresh_sessions (user_id);

create table email_verifications (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  email text not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index email_verifications_tenant_idx on email_verifications (tenant_id);

create table email_outbox (
  id uuid primary key,
  tenant_id uuid references tenants (id) on delete cascade,
  idempotency_key text not null unique,
  to_address text not null,
  subject text not null,
  body_text text not null,
  status text not null check (status in ('queued', 'sent', 'logged', 'failed')),
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_tenant_idx on email_outbox (tenant_id, created_at);

create table subscriptions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  plan_id uuid not null references plans (id),
  status text not null check (status in ('active', 'canceled')),
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  created_at timestamptz not null default now()
);
create unique index subscriptions_one_active on subscriptions (tenant_id) where status = 'active';

create table billing_accounts (
  id uuid primary key,
  tenant_id uuid not null unique references tenants (id) on delete cascade,
  stripe_customer_id text not null unique,
  email text not null,
  currency char(3) not null,
  created_at timestamptz not null default now()
);

create table invoices (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  period_start date not null,
  period_end date not null,
  stripe_invoice_id text unique,
  status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible', 'failed')),
  currency char(3) not null,
  total_cents bigint not null default 0,
  hosted_invoice_url text,
  pdf_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, period_start)
);
create index invoices_tenant_idx on invoices (tenant_id, period_start desc);

create table invoice_lines (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  invoice_id uuid not null references invoices (id) on delete cascade,
  kind text not null,
  description text not null,
  quantity bigint not null,
  unit_price_cents bigint not null,
  amount_cents bigint not null
);
create index invoice_lines_invoice_idx on invoice_lines (invoice_id);
create index invoice_lines_tenant_idx on invoice_lines (tenant_id);

create table bots (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  status text not null check (status in ('provisioning', 'ready', 'failed', 'deprovisioning', 'deprovisioned')),
  locale text not null,
  voice text not null,
  greeting text not null,
  twilio_number text unique,
  twilio_number_sid text,
  heroku_app_name text unique,
  stt_provider text not null default 'google',
  tts_provider text not null default 'elevenlabs',
  config jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index bots_tenant_idx on bots (tenant_id, created_at);

create table provisioning_jobs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  bot_id uuid not null references bots (id) on delete cascade,
  kind text not null check (kind in ('provision', 'rotate_number', 'deprovision')),
  status text not null check (status in ('queued', 'running', 'done', 'error', 'canceled')),
  workflow_id text not null,
  run_id text,
  steps jsonb not null default '[]',
  payload jsonb not null default '{}',
  error text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now()
);
create index provisioning_jobs_tenant_idx on provisioning_jobs (tenant_id, created_at desc);
create index provisioning_jobs_bot_idx on provisioning_jobs (bot_id, created_at desc);
create index provisioning_jobs_status_idx on provisioning_jobs (status, created_at desc);

create table usage_events (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  bot_id uuid references bots (id) on delete set null,
  kind text not null check (kind in ('call_started', 'minutes', 'stt_requests', 'tts_chars', 'gpt_tokens')),
  quantity bigint not null check (quantity >= 0),
  occurred_at timestamptz not null,
  idempotency_key text not null unique,
  source text not null,
  call_sid text,
  created_at timestamptz not null default now()
);
create index usage_events_tenant_time_idx on usage_events (tenant_id, occurred_at);
create index usage_events_tenant_bot_time_idx on usage_events (tenant_id, bot_id, occurred_at);

create table support_tickets (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  author_user_id uuid references users (id) on delete set null,
  subject text not null,
  body text not null,
  status text not null check (status in ('open', 'pending', 'resolved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index support_tickets_tenant_idx on support_tickets (tenant_id, updated_at desc);
create index support_tickets_status_idx on support_tickets (status, updated_at desc);

create table support_ticket_messages (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  ticket_id uuid not null references support_tickets (id) on delete cascade,
  author_user_id uuid references users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);
create index support_ticket_messages_ticket_idx on support_ticket_messages (ticket_id, created_at);
create index support_ticket_messages_tenant_idx on support_ticket_messages (tenant_id);

create table tenant_settings (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  locale text not null default 'de-AT',
  timezone text not null default 'Europe/Vienna',
  branding jsonb not null default '{}',
  anonymize_call_logs boolean not null default false,
  data_retention_days integer not null default 365 check (data_retention_days > 0),
  updated_at timestamptz not null default now()
);

create table integrations (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  provider text not null check (provider in ('elevenlabs', 'openai', 'google')),
  status text not null check (status in ('unverified', 'active', 'error')),
  secret_ciphertext text not null,
  secret_hint text not null,
  last_checked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, provider)
);

create table agents (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  integration_id uuid not null references integrations (id) on delete cascade,
  external_agent_id text not null,
  name text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, external_agent_id)
);

create table call_logs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  bot_id uuid references bots (id) on delete set null,
  agent_id uuid references agents (id) on delete set null,
  provider text not null,
  external_call_id text not null,
  from_number text,
  to_number text,
  status text not null,
  started_at timestamptz not null,
  ended_at timestamptz,
  duration_seconds integer,
  transcript jsonb,
  audio_url text,
  created_at timestamptz not null default now(),
  unique (provider, external_call_id)
);
create index call_logs_tenant_time_idx on call_logs (tenant_id, started_at desc);

-- Provider webhooks arrive before their tenant is known, so tenant_id is filled in once resolved.
create table webhook_events (
  id uuid primary key,
  provider text not null,
  event_id text not null,
  tenant_id uuid references tenants (id) on delete cascade,
  payload_sha256 text not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  unique (provider, event_id)
);

create table audit_log (
  id uuid primary key,
  tenant_id uuid references tenants (id) on delete set null,
  actor_user_id uuid references users (id) on delete set null,
  actor_role text,
  action text not null,
  target_type text not null,
  target_id text,
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_tenant_idx on audit_log (tenant_id, created_at desc);
create index audit_log_created_idx on audit_log (created_at desc);

-- Row-level security: FORCE makes the policies apply to the table owner (the application role) too.
do $$
declare
  tbl text;
begin
  foreach tbl in array array[
    'users', 'refresh_sessions', 'email_verifications', 'email_outbox', 'subscriptions', 'billing_accounts',
    'invoices', 'invoice_lines', 'bots', 'provisioning_jobs', 'usage_events', 'support_tickets',
    'support_ticket_messages', 'tenant_settings', 'integrations', 'agents', 'call_logs', 'webhook_events',
    'audit_log'
  ] loop
    execute format('alter table %I enable row level security', tbl);
    execute format('alter table %I force row level security', tbl);
    execute format(
      'create policy tenant_isolation on %I using (app_bypass_rls() or tenant_id = app_current_tenant()) '
      'with check (app_bypass_rls() or tenant_id = app_current_tenant())', tbl);
  end loop;
end $$;

alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
  using (app_bypass_rls() or id = app_current_tenant())
  with check (app_bypass_rls() or id = app_current_tenant());
