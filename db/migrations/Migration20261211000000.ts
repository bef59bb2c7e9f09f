import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The web URL of each bot's app, where Twilio streams its calls (see 20261211000000-bot-app-url.sql). */
export class Migration20261211000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261211000000-bot-app-url.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('alter table bots drop column if exists app_url;');
  }
}
