-- A call log's status is a Twilio call status or `metering_failed` (contracts/call-status.ts CALL_LOG_STATUSES).
-- Before this, a call that never got a final status was written as `unknown`: metering gave up on it, which is
-- what `metering_failed` says now (domain/telephony/record-call-outcome.ts), so such rows are renamed first.
update call_logs set status = 'metering_failed'
  where status not in ('queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed',
    'canceled', 'metering_failed');
alter table call_logs add constraint call_logs_status_check check (status in ('queued', 'initiated', 'ringing',
  'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled', 'metering_failed'));
