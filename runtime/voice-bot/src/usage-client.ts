import { createHmac } from 'node:crypto';
import { UsageReportBody } from '../../../contracts/usage';
import type { CounterReport } from './metering';

/**
 * The runtime's client for the platform's `POST /api/usage/events`: the exact body bytes signed with the bot's
 * secret as `HMAC-SHA256("<timestamp>.<body>")`, which the platform checks (domain/usage/bot-signature.ts).
 */
export function createUsageClient(options: { url: string; botId: string; secret: string; timeoutMs?: number }) {
  return async (callSid: string, reports: CounterReport[]): Promise<void> => {
    const body = JSON.stringify(UsageReportBody.parse({ callSid, reports }));
    const timestamp = String(Date.now());
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-voiceplane-bot': options.botId,
        'x-voiceplane-timestamp': timestamp,
        'x-voiceplane-signature': createHmac('sha256', options.secret).update(`${timestamp}.${body}`).digest('hex'),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    // The platform's problem details name no secret; the status alone says enough for the log.
    if (!response.ok) throw new UsageReportRefused(response.status);
  };
}

export class UsageReportRefused extends Error {
  /** A refusal that a resend cannot change (a 4xx other than 408 and 429). */
  readonly permanent: boolean;

  constructor(readonly status: number) {
    super(`usage report refused: HTTP ${status}`);
    this.permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
}
