import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Per-tenant prompt configuration and bot roles (seed 003 S2). */
export class Migration20261203000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261203000000-prompt-config.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(`alter table bots drop column role;
      drop table prompt_configs;`);
  }
}
