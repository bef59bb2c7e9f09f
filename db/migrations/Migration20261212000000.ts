import { Migration } from '@mikro-orm/migrations';

const SETTING_READERS = '(app_bypass_rls|app_current_tenant)';

/**
 * Rewrites every policy expression of the schema that matches `find` (a POSIX regular expression, case-insensitive)
 * with `replace`, leaving expressions that also match `unless`.
 */
function rewritePolicies(find: string, replace: string, unless?: string): string {
  const applies = (expression: string) =>
    `${expression} ~* $r$${find}$r$${unless ? ` and ${expression} !~* $r$${unless}$r$` : ''}`;
  const rewritten = (expression: string) => `regexp_replace(${expression}, $r$${find}$r$, $r$${replace}$r$, 'gi')`;
  return `do $$
declare
  policy record;
  rewrite text;
begin
  for policy in
    select tablename, policyname, qual, with_check from pg_policies where schemaname = current_schema()
  loop
    rewrite := '';
    if ${applies('policy.qual')} then
      rewrite := format(' using (%s)', ${rewritten('policy.qual')});
    end if;
    if ${applies('policy.with_check')} then
      rewrite := rewrite || format(' with check (%s)', ${rewritten('policy.with_check')});
    end if;
    if rewrite <> '' then
      execute format('alter policy %I on %I', policy.policyname, policy.tablename) || rewrite;
    end if;
  end loop;
end $$;`;
}

/**
 * Row-level security policies read the tenant settings once per statement, not once per row (issue 13).
 * app_current_tenant() and app_bypass_rls() are STABLE SQL functions, so PostgreSQL inlined them into each policy
 * and called current_setting() for every row a query visited: a dashboard's aggregate over a month of call logs
 * or usage rows paid two setting look-ups and a uuid cast per row. Wrapped in a scalar sub-select, each becomes an
 * init plan, evaluated once per statement; the settings cannot change within a statement, so the rows allowed are
 * the same. Every policy in the schema is rewritten; new policies are written this way (tests/tenant-schema-audit
 * checks it). Policies already written so are left alone.
 */
export class Migration20261212000000 extends Migration {
  override up(): void {
    this.addSql(rewritePolicies(`\\m${SETTING_READERS}\\(\\)`, '(select \\1())', `select\\s+${SETTING_READERS}\\(\\)`));
  }

  override down(): void {
    // PostgreSQL prints a sub-select as `( SELECT f() AS f)`.
    this.addSql(rewritePolicies(`\\(\\s*select\\s+${SETTING_READERS}\\(\\)(\\s+as\\s+\\w+)?\\s*\\)`, '\\1()'));
  }
}
