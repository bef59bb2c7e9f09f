import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The per-request session look-up as one function call: one database round trip instead of four. */
export class Migration20261210000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'session-actor-function.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop function if exists session_actor(uuid);');
  }
}
