-- Failed sign-ins per account, so guessing a password is slowed wherever the guesses come from.
-- Keyed by a hash of the email (no personal data, and accounts that do not exist are throttled alike);
-- platform-wide like `plans`, so no tenant_id and no row-level security: only the sign-in path reads it.
create table login_throttles (
  account_key text primary key,
  failures integer not null check (failures > 0),
  retry_at timestamptz not null,
  updated_at timestamptz not null default now()
);
create index login_throttles_updated_idx on login_throttles (updated_at);
