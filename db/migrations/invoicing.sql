-- Invoices made by the invoicing workflow (issue 10): which plan and usage were rated, which run made the
-- invoice, when Stripe finalized it and why a run gave up. Seeded invoices keep rated_usage null, so no late
-- usage is ever computed against them.
alter table invoices
  add column plan_code text,
  add column rated_usage jsonb,
  add column workflow_id text,
  add column stripe_invoice_number text,
  add column finalized_at timestamptz,
  add column failure_reason text;

-- Late usage of the previous period is billed on the next invoice: each line names the period it bills.
alter table invoice_lines
  add column tier integer,
  add column source_period char(7),
  add column position integer not null default 0;
update invoice_lines l set source_period = to_char(i.period_start, 'YYYY-MM')
  from invoices i where i.id = l.invoice_id;
alter table invoice_lines alter column source_period set not null;
alter table invoice_lines add constraint invoice_lines_source_period_check
  check (source_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
create index invoices_status_idx on invoices (status, period_start);
