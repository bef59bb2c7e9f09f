import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Daily usage rollup maintained by trigger (see usage-rollup.sql). */
export class Migration20261122000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'usage-rollup.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(
      `drop trigger if exists usage_events_rollup on usage_events; drop function if exists usage_daily_apply();
       drop table if exists usage_daily; drop index if exists call_logs_bot_idx;`,
    );
  }
}
