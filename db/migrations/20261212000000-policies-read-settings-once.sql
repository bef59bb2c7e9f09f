-- Row-level security policies read the tenant settings once per statement, not once per row (issue 13).
-- app_current_tenant() and app_bypass_rls() are STABLE SQL functions, so PostgreSQL inlines them into each policy
-- and calls current_setting() for every row a query visits: a dashboard's aggregate over a month of call logs or
-- usage rows paid two setting look-ups and a uuid cast per row. Wrapped in a scalar sub-select, each becomes an
-- init plan, evaluated once per statement; the settings cannot change within a statement, so the rows allowed
-- are the same. Every policy in the schema is rewritten; new policies are written this way
-- (tests/tenant-schema-audit.test.ts checks it).
do $$
declare
  policy record;
  per_row constant text := $r$\m(app_bypass_rls|app_current_tenant)\(\)$r$;
  -- Already a sub-select (a policy written the new way): left alone.
  once constant text := $r$select\s+(app_bypass_rls|app_current_tenant)\(\)$r$;
  rewrite text;
begin
  for policy in
    select tablename, policyname, qual, with_check from pg_policies where schemaname = current_schema()
  loop
    rewrite := '';
    if policy.qual ~ per_row and policy.qual !~* once then
      rewrite := format(' using (%s)', regexp_replace(policy.qual, per_row, '(select \1())', 'g'));
    end if;
    if policy.with_check ~ per_row and policy.with_check !~* once then
      rewrite := rewrite || format(' with check (%s)', regexp_replace(policy.with_check, per_row, '(select \1())', 'g'));
    end if;
    if rewrite <> '' then
      execute format('alter policy %I on %I', policy.policyname, policy.tablename) || rewrite;
    end if;
  end loop;
end $$;
