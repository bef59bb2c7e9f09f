import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The inbox write as one function call, so a webhook is acknowledged after a single database round trip. */
export class Migration20261209000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'inbox-record-function.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop function if exists record_inbound_event(uuid, text, text, text, text, uuid, text, jsonb, text);');
  }
}
