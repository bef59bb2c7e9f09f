import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Policies read the tenant settings once per statement (see 20261212000000-policies-read-settings-once.sql). */
export class Migration20261212000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261212000000-policies-read-settings-once.sql'), 'utf8'));
  }

  override down(): void {
    // The same policies with the calls inlined again (PostgreSQL prints a sub-select as `( SELECT f() AS f)`).
    this.addSql(`do $$
declare
  policy record;
  sub_select constant text := $r$\\(\\s*select\\s+(app_bypass_rls|app_current_tenant)\\(\\)(\\s+as\\s+\\w+)?\\s*\\)$r$;
  rewrite text;
begin
  for policy in
    select tablename, policyname, qual, with_check from pg_policies where schemaname = current_schema()
  loop
    rewrite := '';
    if policy.qual ~* sub_select then
      rewrite := format(' using (%s)', regexp_replace(policy.qual, sub_select, '\\1()', 'gi'));
    end if;
    if policy.with_check ~* sub_select then
      rewrite := rewrite || format(' with check (%s)', regexp_replace(policy.with_check, sub_select, '\\1()', 'gi'));
    end if;
    if rewrite <> '' then
      execute format('alter policy %I on %I', policy.policyname, policy.tablename) || rewrite;
    end if;
  end loop;
end $$;`);
  }
}
