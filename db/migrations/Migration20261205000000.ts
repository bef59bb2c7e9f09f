import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Tenant data exports: progress, archive key, download token hash and expiry (seed 003 S5.3). */
export class Migration20261205000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, '20261205000000-tenant-exports.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql('drop table tenant_exports;');
  }
}
