-- Tenant data exports (seed 003 S5.3, GDPR): one row per requested export, its progress and the archive it left in
-- the blob store (`exports/<id>.zip`). No foreign key to tenants on purpose: offboarding exports a tenant and then
-- deletes its rows, and the export (and its download link) must outlive them until it expires. tenant_id and
-- row-level security stay, so a customer only ever sees its own tenant's exports.
create table tenant_exports (
  id uuid primary key,
  tenant_id uuid not null,
  status text not null default 'requested'
    check (status in ('requested', 'running', 'ready', 'failed', 'expired')),
  -- progress: tables written of the tables the run planned to read
  tables_done integer not null default 0 check (tables_done >= 0),
  tables_total integer not null default 0 check (tables_total >= 0),
  file_count integer,
  bytes bigint,
  storage_key text,
  -- SHA-256 of the download token (the token itself is never stored), written once ready; kept once expired (the
  -- link's holder gets 410), null for a failed export
  download_token_hash text,
  expires_at timestamptz not null,
  requested_by uuid references users (id) on delete set null,
  workflow_id text not null,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index tenant_exports_tenant_idx on tenant_exports (tenant_id, created_at desc);
create index tenant_exports_due_idx on tenant_exports (expires_at) where status = 'ready';

alter table tenant_exports enable row level security;
alter table tenant_exports force row level security;
create policy tenant_isolation on tenant_exports
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());
