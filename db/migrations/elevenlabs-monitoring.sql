-- ElevenLabs bring-your-own-key monitoring (seed 004, decision 013): a tenant's integration holds its sealed API
-- key and post-call webhook secret, the agents it registered, and the call logs of their conversations.

alter table integrations
  -- The post-call webhook's HMAC secret, sealed like the key (domain/secrets/secret-box.ts); null until given.
  add column webhook_secret_ciphertext text,
  add column webhook_secret_hint text,
  -- The tenant's webhook URL is /api/webhooks/elevenlabs/<webhook_token>: random, it names the integration.
  add column webhook_token text not null default replace(gen_random_uuid()::text, '-', ''),
  -- What the last connection test learned (account tier, what a restricted key cannot do), for the page.
  add column check_detail jsonb,
  -- Periodic sync: conversations that started before the watermark have been seen.
  add column sync_watermark timestamptz,
  add column last_synced_at timestamptz,
  add column last_sync_error text,
  add column last_sync_found integer not null default 0;
create unique index integrations_webhook_token_idx on integrations (webhook_token);

alter table agents
  add column language text,
  add column voice_id text,
  add column first_message text,
  add column tags text[] not null default '{}',
  -- When the details were last read from ElevenLabs.
  add column refreshed_at timestamptz;
-- An agent lives in one ElevenLabs workspace and is monitored by one tenant: post-call webhooks route by it.
create unique index agents_external_agent_idx on agents (external_agent_id);

alter table call_logs rename column audio_url to audio_key;
comment on column call_logs.audio_key is 'Where the recording is kept (domain/conversations/audio-store.ts)';
alter table call_logs
  add column outcome text check (outcome in ('success', 'failure', 'unknown')),
  add column direction text check (direction in ('inbound', 'outbound')),
  add column title text,
  add column summary text,
  -- Evaluation criteria and data collection results, as ElevenLabs reported them.
  add column analysis jsonb,
  add column termination_reason text,
  add column failure_reason text,
  add column language text,
  add column cost_credits integer,
  add column cost_usd numeric(12, 6),
  add column llm_cost_usd numeric(12, 6),
  -- The transcript's words in one string, for text search.
  add column transcript_text text,
  -- The tenant asked for anonymised call logs when this row was written (numbers stripped, transcript masked).
  add column anonymized boolean not null default false,
  add column updated_at timestamptz not null default now();
create index call_logs_agent_time_idx on call_logs (agent_id, started_at desc) where agent_id is not null;
