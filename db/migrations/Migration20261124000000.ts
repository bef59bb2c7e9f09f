import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** The inbound-webhook inbox on `webhook_events` (see webhook-inbox.sql). */
export class Migration20261124000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'webhook-inbox.sql'), 'utf8'));
  }

  override down(): void {
    this.addSql(
      `drop index if exists webhook_events_pending_idx, webhook_events_subject_idx, webhook_events_tenant_idx;
       alter table webhook_events drop column seq, drop column subject_key, drop column relay_group,
         drop column payload, drop column status, drop column attempts, drop column last_error,
         drop column next_attempt_at, drop column workflow_id;
       alter table webhook_events rename column dedupe_key to event_id;
       alter table webhook_events rename column delivered_at to processed_at;`,
    );
  }
}
