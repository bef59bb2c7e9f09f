import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** White-label branding per tenant (see 20261207000000-tenant-branding.sql). */
export class Migration20261207000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261207000000-tenant-branding.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop table if exists tenant_branding;');
  }
}
