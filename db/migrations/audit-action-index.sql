-- The admin billing page reads audit rows by action (manual invoice runs, plan changes), newest first.
create index if not exists audit_log_action_idx on audit_log (action, created_at desc);
