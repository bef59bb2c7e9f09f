import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The reason a bot failed (see bot-failure-reason.sql). */
export class Migration20261124000100 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'bot-failure-reason.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('alter table bots drop column if exists failure_reason;');
  }
}
