-- Tenant offboarding (issue 12): the record of a tenant's offboarding run. It outlives the hard delete of the
-- tenant's rows, so it has no foreign key to tenants and holds no personal data: ids, step statuses, timestamps.

create table offboarding_runs (
  id uuid primary key,
  -- No reference: the tenant row is deleted by the run this row records.
  tenant_id uuid not null,
  status text not null check (status in ('running', 'done', 'error')),
  workflow_id text not null,
  -- Each step's status, attempts, last error and timing, mirrored by the workflow at every transition.
  steps jsonb not null default '[]',
  error text,
  -- The tenant export the run requested (tenant_exports outlives the tenant too).
  export_id uuid,
  -- The platform admin who started it (platform staff, not the tenant's people).
  requested_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
-- One run per tenant: a failed run is resumed, never started a second time beside it.
create unique index offboarding_runs_tenant_idx on offboarding_runs (tenant_id);
create index offboarding_runs_created_idx on offboarding_runs (created_at desc);

alter table offboarding_runs enable row level security;
alter table offboarding_runs force row level security;
create policy tenant_isolation on offboarding_runs
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());
