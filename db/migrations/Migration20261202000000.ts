import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The plan chosen at sign-up, kept on the tenant (20261202000000-signup-plan.sql). */
export class Migration20261202000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261202000000-signup-plan.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('alter table tenants drop column if exists signup_plan;');
  }
}
