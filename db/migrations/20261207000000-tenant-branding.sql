-- White-label branding per tenant (issue 12, seed 003 S6.1): dashboard title, primary colour, logo and favicon.
-- Each image is either an https URL or bytes uploaded to VoicePlane (with their checked content type, a digest for
-- cache-busting URLs and their size), never both. The API validates every value (contracts/branding.ts, magic
-- bytes for uploads); these checks are the second line. tenant_settings.branding (jsonb, never read) stays as is.
create table tenant_branding (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  dashboard_title text check (char_length(dashboard_title) between 1 and 60),
  primary_color text check (primary_color ~ '^#[0-9a-f]{6}$'),
  logo_url text check (logo_url ~ '^https://' and char_length(logo_url) <= 2048),
  logo_content_type text check (logo_content_type in ('image/png', 'image/jpeg', 'image/webp', 'image/svg+xml')),
  logo_data bytea check (octet_length(logo_data) between 1 and 524288),
  logo_digest text,
  logo_size integer check (logo_size = octet_length(logo_data)),
  favicon_url text check (favicon_url ~ '^https://' and char_length(favicon_url) <= 2048),
  favicon_content_type text
    check (favicon_content_type in ('image/png', 'image/svg+xml', 'image/webp', 'image/x-icon')),
  favicon_data bytea check (octet_length(favicon_data) between 1 and 65536),
  favicon_digest text,
  favicon_size integer check (favicon_size = octet_length(favicon_data)),
  updated_at timestamptz not null default now(),
  constraint tenant_branding_logo_one_source check (logo_url is null or logo_data is null),
  constraint tenant_branding_logo_upload_complete check (
    (logo_data is null and logo_content_type is null and logo_digest is null
      and logo_size is null)
    or (logo_data is not null and logo_content_type is not null and logo_digest is not null
      and logo_size is not null)),
  constraint tenant_branding_favicon_one_source check (favicon_url is null or favicon_data is null),
  constraint tenant_branding_favicon_upload_complete check (
    (favicon_data is null and favicon_content_type is null and favicon_digest is null
      and favicon_size is null)
    or (favicon_data is not null and favicon_content_type is not null and favicon_digest is not null
      and favicon_size is not null))
);

alter table tenant_branding enable row level security;
alter table tenant_branding force row level security;
create policy tenant_isolation on tenant_branding
  using (app_bypass_rls() or tenant_id = app_current_tenant())
  with check (app_bypass_rls() or tenant_id = app_current_tenant());
