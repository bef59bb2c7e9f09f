-- Dunning (issue 10, decision 011): the dunning workflow writes when a past-due subscription's calls are to stop
-- and when it stopped them; the call gate reads the suspension and nothing else. Neither column is tied to the
-- status by a check: the status follows Stripe's events, which leave these columns alone, and a value written
-- before the current past-due episode began (past_due_since) no longer counts (domain/billing/gates.ts).
-- The table's tenant_id and row-level security cover the new columns.
alter table subscriptions
  add column suspension_due_at timestamptz,
  add column suspended_at timestamptz;
