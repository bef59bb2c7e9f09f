import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';

/** ElevenLabs monitoring: integration webhook secret and sync state, agent details, call log analysis. */
export class Migration20261201000000 extends Migration {
  override up(): void {
    this.addSql(readFileSync(path.join(__dirname, 'elevenlabs-monitoring.sql'), 'utf8'));
  }

  override down(): void {
    this
      .addSql(`drop index if exists call_logs_agent_time_idx, agents_external_agent_idx, integrations_webhook_token_idx;
      alter table call_logs drop column outcome, drop column direction, drop column title, drop column summary,
        drop column analysis, drop column termination_reason, drop column failure_reason, drop column language,
        drop column cost_credits, drop column cost_usd, drop column llm_cost_usd, drop column transcript_text,
        drop column anonymized, drop column updated_at;
      alter table call_logs rename column audio_key to audio_url;
      alter table agents drop column language, drop column voice_id, drop column first_message, drop column tags,
        drop column refreshed_at;
      alter table integrations drop column webhook_secret_ciphertext, drop column webhook_secret_hint,
        drop column webhook_token, drop column check_detail, drop column sync_watermark, drop column last_synced_at,
        drop column last_sync_error, drop column last_sync_found;`);
  }
}
