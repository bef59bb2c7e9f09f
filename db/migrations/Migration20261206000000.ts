import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Tenant offboarding: the run record that outlives the tenant's hard delete. */
export class Migration20261206000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261206000000-tenant-offboarding.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop table if exists offboarding_runs;');
  }
}
