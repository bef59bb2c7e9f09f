import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Audit rows found by action, newest first (audit-action-index.sql). */
export class Migration20261130000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'audit-action-index.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop index if exists audit_log_action_idx;');
  }
}
