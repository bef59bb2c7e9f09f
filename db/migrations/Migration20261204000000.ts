import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Integration settings: a tenant's own mail sender (integration-settings.sql). */
export class Migration20261204000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261204000000-integration-settings.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop table if exists mail_senders;');
  }
}
