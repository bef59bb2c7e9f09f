import http from 'node:http';

export interface PortalRequest {
  /** The route's name in the report, e.g. `GET /api/support/tickets/:id`. */
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
}

export interface Answer {
  status: number;
  /** 0 when the request failed without an answer (connection refused, reset, timeout). */
  body: string;
  ms: number;
}

/** One keep-alive connection's worth of user: it sends one request at a time and waits for the answer. */
export interface VirtualUser {
  tenant: string;
  /** Extra headers on every request (the session cookies). */
  headers: Record<string, string>;
  next(): PortalRequest;
  /** Called with every answer, also during warm-up (a created ticket becomes one to reply to). */
  answered?(request: PortalRequest, answer: Answer): void;
}

/** What one answer in the measured window is recorded as. */
export interface Sample {
  tenant: string;
  request: PortalRequest;
  answer: Answer;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** One request on `agent` (one keep-alive socket per virtual user); status 0 when no answer came. */
export function send(
  baseUrl: string,
  agent: http.Agent,
  request: { method: string; path: string; body?: unknown },
  headers: Record<string, string>,
): Promise<Answer & { headers: http.IncomingHttpHeaders }> {
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = http.request(
      `${baseUrl}${request.path}`,
      {
        method: request.method,
        agent,
        headers: {
          accept: 'application/json',
          ...headers,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
            headers: response.headers,
          }),
        );
        response.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started, headers: {} }));
      },
    );
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started, headers: {} }));
    outgoing.end(payload);
  });
}

/**
 * Closed loop: every virtual user sends its next request as soon as the previous one was answered, on a
 * keep-alive connection of its own, for `warmupSeconds` (not recorded) and then `seconds` (each request started
 * in that window is passed to `record`). Resolves with the measured window's length in seconds.
 */
export async function driveVirtualUsers(
  baseUrl: string,
  users: readonly VirtualUser[],
  options: { warmupSeconds: number; seconds: number; record(sample: Sample): void },
): Promise<{ windowSeconds: number }> {
  const startedAt = performance.now();
  const measureFrom = startedAt + options.warmupSeconds * 1000;
  const endAt = measureFrom + options.seconds * 1000;
  let lastAnswerAt = measureFrom;
  await Promise.all(
    users.map(async (user) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (performance.now() < endAt) {
          const request = user.next();
          const sentAt = performance.now();
          const answer = await send(baseUrl, agent, request, user.headers);
          user.answered?.(request, answer);
          if (sentAt >= measureFrom) {
            options.record({ tenant: user.tenant, request, answer });
            lastAnswerAt = Math.max(lastAnswerAt, sentAt + answer.ms);
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  // Requests started just before the end are answered after it; the window runs until the last answer.
  return { windowSeconds: (Math.max(endAt, lastAnswerAt) - measureFrom) / 1000 };
}

/**
 * Open loop: requests arrive at `rate` per second whatever the answers, each on the next virtual user's session
 * in turn (a user may have several in flight, each on a keep-alive connection of its own). A request's latency
 * counts from when it was due, so a load generator that falls behind cannot hide the wait (no coordinated
 * omission). Warm-up and measured window as in the closed loop; resolves once every request was answered.
 */
export async function driveAtRate(
  baseUrl: string,
  users: readonly VirtualUser[],
  options: { rate: number; warmupSeconds: number; seconds: number; record(sample: Sample): void },
): Promise<{ windowSeconds: number }> {
  const agents = users.map(() => new http.Agent({ keepAlive: true }));
  const startedAt = performance.now();
  const measureFrom = startedAt + options.warmupSeconds * 1000;
  const total = Math.round(options.rate * (options.warmupSeconds + options.seconds));
  const inFlight: Promise<void>[] = [];
  let lastAnswerAt = measureFrom;
  const dispatch = (n: number) => {
    const dueAt = startedAt + (n * 1000) / options.rate;
    const user = users[n % users.length]!;
    const request = user.next();
    const late = performance.now() - dueAt;
    return send(baseUrl, agents[n % users.length]!, request, user.headers).then((sent) => {
      const answer = { status: sent.status, body: sent.body, ms: sent.ms + late };
      user.answered?.(request, answer);
      if (dueAt >= measureFrom) {
        options.record({ tenant: user.tenant, request, answer });
        lastAnswerAt = Math.max(lastAnswerAt, dueAt + answer.ms);
      }
    });
  };
  try {
    for (let n = 0; n < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) * options.rate) / 1000) + 1);
      for (; n < due; n++) inFlight.push(dispatch(n));
      await new Promise((resolve) => setTimeout(resolve, Math.min(5, 1000 / options.rate)));
    }
    await Promise.all(inFlight);
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return { windowSeconds: (Math.max(measureFrom + options.seconds * 1000, lastAnswerAt) - measureFrom) / 1000 };
}
