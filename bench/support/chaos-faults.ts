import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexOfFrom, webhookOf, type ChaosCall } from './chaos-plan';

/** Headers of a Twilio webhook that must reach the API unchanged (the signature covers URL and parameters). */
const FORWARDED_HEADERS = ['content-type', 'x-twilio-signature', 'i-twilio-idempotency-token'];
const ATTEMPT_TIMEOUT_MS = 15_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

export interface FaultStats {
  /** Webhooks the simulated Twilio sent through the relay. */
  received: number;
  /** Extra copies sent for webhooks the plan duplicates. */
  duplicatesSent: number;
  /** Attempts repeated after no answer or a 5xx/429 (a database restart), as a sender with retries does. */
  retries: number;
  /** Deliveries given up after `retryForMs` without a 2xx: the platform never acknowledged them. */
  gaveUp: number;
  /** Deliveries the API refused for good (a 4xx other than 429): a bug in the platform or the bench. */
  refused: number;
  /** Deliveries (copies included) not yet answered. */
  inFlight: number;
  /** Answers by HTTP status of the last attempt of each delivery (0: no answer). */
  statuses: Record<string, number>;
}

/**
 * The load side's fault injector, between the simulated Twilio and the API: the simulator signs each webhook for
 * the number's configured URL and delivers it here (`deliverTo`), and this relay forwards it unchanged to the API —
 * twice at once when the call's plan duplicates that webhook. The call is found by the index its caller number
 * carries. Reordered and lost final callbacks are the simulator's own plan flags (`reorder`, `drop`), so Twilio's
 * call resource still knows the outcome a lost callback carried. A delivery without an answer, or answered 5xx or
 * 429 (the database restarting), is retried with backoff for up to `retryForMs`.
 */
export async function startFaultRelay(options: {
  apiUrl: string;
  calls: ChaosCall[];
  retryForMs: number;
}): Promise<{ url: string; stats: FaultStats; close(): Promise<void> }> {
  const stats: FaultStats = {
    received: 0,
    duplicatesSent: 0,
    retries: 0,
    gaveUp: 0,
    refused: 0,
    inFlight: 0,
    statuses: {},
  };

  async function deliver(path: string, headers: Record<string, string>, body: string) {
    stats.inFlight += 1;
    const deadline = Date.now() + options.retryForMs;
    let backoff = FIRST_BACKOFF_MS;
    let answer = { status: 0, contentType: 'text/plain', body: '' };
    try {
      for (let attempt = 0; ; attempt += 1) {
        if (attempt > 0) stats.retries += 1;
        try {
          const response = await fetch(new URL(path, options.apiUrl), {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
          });
          answer = {
            status: response.status,
            contentType: response.headers.get('content-type') ?? 'text/plain',
            body: await response.text(),
          };
        } catch {
          answer = { status: 0, contentType: 'text/plain', body: '' };
        }
        const retryable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
        if (!retryable || Date.now() + backoff > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
      const key = String(answer.status);
      stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
      if (answer.status === 0 || answer.status === 429 || answer.status >= 500) stats.gaveUp += 1;
      else if (answer.status >= 400) stats.refused += 1;
      return answer;
    } finally {
      stats.inFlight -= 1;
    }
  }

  const server = createServer((request, reply) => {
    void (async () => {
      const body = await readBody(request);
      stats.received += 1;
      const params = new URLSearchParams(body);
      const index = indexOfFrom(params.get('From') ?? '');
      const call = index === null ? undefined : options.calls[index];
      const webhook = webhookOf(request.url ?? '', params.get('CallStatus'));
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const path = request.url ?? '/';
      const twice = call !== undefined && webhook !== null && call.duplicated.includes(webhook);
      if (twice) stats.duplicatesSent += 1;
      const [answer] = await Promise.all([
        deliver(path, headers, body),
        ...(twice ? [deliver(path, headers, body)] : []),
      ]);
      reply.writeHead(answer!.status === 0 ? 502 : answer!.status, { 'content-type': answer!.contentType });
      reply.end(answer!.body);
    })().catch(() => {
      reply.writeHead(500);
      reply.end();
    });
  });
  // The simulator gives up on an answer after 15 s; the relay keeps delivering whatever it does.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
