import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** Invoice runs on Stripe: rated plan and usage per invoice, the source period of every line (invoicing.sql). */
export class Migration20261127000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'invoicing.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(`drop index if exists invoices_status_idx;
      alter table invoice_lines drop column tier, drop column source_period, drop column position;
      alter table invoices drop column plan_code, drop column rated_usage, drop column workflow_id,
        drop column stripe_invoice_number, drop column finalized_at, drop column failure_reason;`);
  }
}
