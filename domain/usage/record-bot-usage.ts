import { Bot, CallLog } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { insertUsageOnce } from './insert-usage-once';
import { notFound } from '../errors/app-error';
import type { CallWorkflows } from '../telephony/call-port';
import { botReportKey } from './usage-keys';
import type { UsageReportBody } from '../../contracts/usage';

/**
 * Counters reported by an authenticated bot. During a call they go to the call's workflow (recorded when it
 * ends); after it, or without a call, they are stored directly. Either way each report id counts once.
 */
export async function recordBotUsage(
  deps: { orm: Orm; calls: CallWorkflows },
  { botId, body, now = new Date() }: { botId: string; body: UsageReportBody; now?: Date },
): Promise<{ accepted: number; via: 'call' | 'direct' }> {
  const bot = await inScope(deps.orm, { system: 'bot-usage' }, async (em) => {
    const found = await em.findOne(Bot, { id: botId });
    if (!found) throw notFound('Bot');
    if (body.callSid && !(await em.findOne(CallLog, { provider: 'twilio', externalCallId: body.callSid, botId }))) {
      throw notFound('Call');
    }
    return found;
  });
  if (body.callSid && (await deps.calls.reportCounters(body.callSid, body.reports))) {
    return { accepted: body.reports.length, via: 'call' };
  }
  await inScope(deps.orm, { tenantId: bot.tenantId }, async (em) => {
    for (const report of body.reports) {
      if (report.quantity === 0) continue;
      await insertUsageOnce(em, {
        tenantId: bot.tenantId,
        botId,
        kind: report.kind,
        quantity: report.quantity,
        occurredAt: now,
        idempotencyKey: botReportKey(botId, report.reportId),
        source: 'bot',
        callSid: body.callSid ?? null,
      });
    }
  });
  return { accepted: body.reports.length, via: 'direct' };
}
