-- Authentication in one round trip: every API request resolves its access token's user, and that user's
-- tenant's status, afresh (so a deactivation takes effect on the next request). Through `inScope` that was four
-- statements (begin, bypass, select, commit); this function sets the bypass for its own statement's transaction
-- and reads the row, so the API sends one `select` in autocommit. Security invoker: the caller's role applies.
create function session_actor(p_user_id uuid)
returns table (id uuid, role text, tenant_id uuid, is_active boolean, tenant_status text)
language plpgsql
security invoker
as $$
#variable_conflict use_column
begin
  -- Local to the transaction, which is this one statement's: nothing outlives it on the pooled connection.
  perform set_config('app.bypass_rls', 'on', true);
  return query
    select u.id, u.role, u.tenant_id, u.is_active, t.status
      from users u
      left join tenants t on t.id = u.tenant_id
     where u.id = p_user_id;
end
$$;
