import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The whole first data model, kept as plain SQL so row-level security sits next to the tables it guards. */
export class Migration20261121000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'initial-schema.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(
      `drop table if exists audit_log, webhook_events, call_logs, agents, integrations, tenant_settings,
        support_ticket_messages, support_tickets, usage_events, provisioning_jobs, bots, invoice_lines, invoices,
        billing_accounts, subscriptions, email_outbox, email_verifications, refresh_sessions, users, tenants, plans
        cascade;
       drop function if exists app_current_tenant(); drop function if exists app_bypass_rls();`,
    );
  }
}
