import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Dunning: when a past-due subscription's calls are suspended, planned and done (dunning.sql). */
export class Migration20261128000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'dunning.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(
      'alter table subscriptions drop column if exists suspended_at, drop column if exists suspension_due_at;',
    );
  }
}
