-- The web URL of a bot's Heroku app (Heroku's `web_url`, e.g. https://vp-….herokuapp.com/), learned at provisioning
-- (issue 13). The voice webhook's TwiML streams the call's audio to `<app_url>media-stream`, the bot's own runtime.
-- Cleared with the app and number when the bot fails or is deprovisioned (domain/bots/record-bot-transition.ts).
-- bots is tenant-owned and already under row-level security; a new column needs no policy of its own.
alter table bots add column app_url text check (app_url ~ '^https?://[^\s]+$' and char_length(app_url) <= 2048);
