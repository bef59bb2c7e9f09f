import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Call log statuses checked by the database (see call-log-status.sql). */
export class Migration20261125000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'call-log-status.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('alter table call_logs drop constraint if exists call_logs_status_check;');
  }
}
