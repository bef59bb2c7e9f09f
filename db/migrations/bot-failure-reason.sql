-- Why a bot's last provisioning run failed (the saga's message, or why its workflow could not start).
-- Set on the transition to `failed`, cleared on every other transition (domain/bots/record-bot-transition.ts).
alter table bots add column failure_reason text;
