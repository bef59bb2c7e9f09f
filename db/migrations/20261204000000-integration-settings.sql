-- A tenant's own mail sender (seed 003 S3.1): the name and address the platform's mail on its behalf carries in
-- From. The SMTP server stays the platform's (SMTP_URL); without a row the platform's MAIL_FROM is used.
create table mail_senders (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  from_name text not null check (char_length(from_name) between 1 and 100),
  from_address text not null check (char_length(from_address) between 3 and 254),
  updated_at timestamptz not null default now()
);

alter table mail_senders enable row level security;
alter table mail_senders force row level security;
create policy tenant_isolation on mail_senders
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());
