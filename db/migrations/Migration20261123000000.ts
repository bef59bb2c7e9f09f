import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Per-account sign-in throttle (see login-throttle.sql). */
export class Migration20261123000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'login-throttle.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop table if exists login_throttles;');
  }
}
