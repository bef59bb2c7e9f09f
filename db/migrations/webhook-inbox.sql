-- The inbound-webhook inbox: `webhook_events` (unused until now, already unique per provider and event and
-- already under tenant RLS) becomes the durable inbox a webhook is written to before it is acknowledged. A relay
-- delivers pending rows in order per subject (a call) and records every attempt (decision 008).
alter table webhook_events rename column event_id to dedupe_key;
alter table webhook_events rename column processed_at to delivered_at;
alter table webhook_events
  -- Insertion order; received_at (the transaction's start) can tie and is not monotonic across sessions.
  add column seq bigint generated always as identity,
  -- Events of one subject (`twilio:<CallSid>`) are delivered one after another, in seq order.
  add column subject_key text not null,
  -- Which relay delivers the row: one per Temporal task queue, so deployments (and parallel test runs) sharing a
  -- database never deliver each other's events.
  add column relay_group text not null,
  add column payload jsonb not null,
  add column status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  add column attempts integer not null default 0,
  add column last_error text,
  add column next_attempt_at timestamptz not null default now(),
  add column workflow_id text;
-- What the relay scans: pending heads of its group, and a subject's pending rows in order.
create index webhook_events_pending_idx on webhook_events (relay_group, seq) where status = 'pending';
create index webhook_events_subject_idx on webhook_events (subject_key, seq) where status = 'pending';
create index webhook_events_tenant_idx on webhook_events (tenant_id, received_at desc);
