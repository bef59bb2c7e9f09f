import { signBotRequest } from '../../../domain/usage/bot-signature';
import type { CounterReport } from './metered-speech';

/** The bot runtime's client for `POST /api/usage/events`: each request signed with the bot's secret. */
export function createUsageReporter(options: { platformUrl: string; botId: string; secret: string }) {
  return async (callSid: string | undefined, reports: CounterReport[]): Promise<void> => {
    const body = JSON.stringify({ ...(callSid ? { callSid } : {}), reports });
    const timestamp = String(Date.now());
    const response = await fetch(`${options.platformUrl}/api/usage/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-voiceplane-bot': options.botId,
        'x-voiceplane-timestamp': timestamp,
        'x-voiceplane-signature': signBotRequest(options.secret, timestamp, body),
      },
      body,
    });
    if (!response.ok) throw new Error(`usage report refused: HTTP ${response.status} ${await response.text()}`);
  };
}
