-- The webhook acknowledgement path in one round trip (issue 9 §5): a webhook's inbox write used to be a
-- transaction of four statements (begin, scope, insert, commit). This function scopes the statement's own
-- transaction to the event's tenant and inserts under row-level security exactly as `inScope` did (security
-- invoker: the caller's role and policies apply), so the API sends one `select` in autocommit.
create function record_inbound_event(
  p_id uuid,
  p_provider text,
  p_dedupe_key text,
  p_subject_key text,
  p_relay_group text,
  p_tenant_id uuid,
  p_payload_sha256 text,
  p_payload jsonb,
  p_channel text
) returns boolean
language plpgsql
security invoker
as $$
declare
  v_id uuid;
begin
  -- Local to the transaction: narrows it to the event's tenant, never widens (a bypass already set stays set).
  perform set_config('app.tenant_id', p_tenant_id::text, true);
  insert into webhook_events
    (id, provider, dedupe_key, subject_key, relay_group, tenant_id, payload_sha256, payload)
  values (p_id, p_provider, p_dedupe_key, p_subject_key, p_relay_group, p_tenant_id, p_payload_sha256, p_payload)
  on conflict (provider, dedupe_key) do nothing
  returning id into v_id;
  if v_id is null then
    return false;
  end if;
  -- Delivered on commit, so a relay never wakes for a row it cannot see yet.
  perform pg_notify(p_channel, p_relay_group);
  return true;
end
$$;
