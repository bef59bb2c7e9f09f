import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { TenantStatus } from '../../contracts/tenant-status';
import { tenantAcceptsWebhooks } from '../tenants/tenant-status';
import { MEDIA_STREAM_TOKEN_TTL_MS } from './media-stream-token';

/** Whether a verified stream may carry audio now: its bot is ready and its tenant active and verified. */
export async function botTakesStreams(deps: { orm: Orm }, botId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(botId)) return false;
  const [row] = await inScope(deps.orm, { system: 'media-stream' }, (em) =>
    em.execute<{ bot_status: string; tenant_status: TenantStatus; verified_at: Date | null }[]>(
      `select b.status as bot_status, t.status as tenant_status, t.verified_at
         from bots b join tenants t on t.id = b.tenant_id where b.id = ?`,
      [botId],
    ),
  );
  return (
    row !== undefined &&
    row.bot_status === 'ready' &&
    tenantAcceptsWebhooks({ status: row.tenant_status, verifiedAt: row.verified_at })
  );
}

/**
 * Remembers the stream tokens already used, until they expire, so one call's token opens one stream. Per API
 * process: Twilio opens a call's stream once, and a replay to another instance still needs a live, ready bot.
 */
export function createUsedStreamTokens(now = () => Date.now()) {
  const used = new Map<string, number>();
  return {
    /** True the first time a token is presented, false ever after (until it has expired anyway). */
    claim(token: string): boolean {
      const at = now();
      for (const [seen, expiresAt] of used) if (expiresAt < at) used.delete(seen);
      if (used.has(token)) return false;
      used.set(token, at + MEDIA_STREAM_TOKEN_TTL_MS);
      return true;
    },
  };
}
