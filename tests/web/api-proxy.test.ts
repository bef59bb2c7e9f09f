/// <reference types="jest" />
// Type-checked with the web app (web/tsconfig.json): its modules use the bundler's extensionless imports.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { MAX_POST_CALL_WEBHOOK_BYTES, MAX_REQUEST_BODY_BYTES, proxyToApi } from '../../web/app/lib/api-proxy.server';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

const CHUNK_BYTES = 64 * 1024;

/** A request body of `totalBytes` zeros, made only as it is read; `pulled()` says how much was read. */
function countingBody(totalBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK_BYTES, totalBytes - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size));
        if (pulled >= totalBytes) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

/** Node's fetch needs `duplex: 'half'` for a streamed body; the DOM library's RequestInit type has no such field. */
const streamed = (init: RequestInit): RequestInit => ({ ...init, duplex: 'half' }) as RequestInit;

const post = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request('http://web.test/api/support/tickets', streamed({ method: 'POST', headers, body }));

/** The web server's same-origin /api proxy against a stand-in API that records what reaches it. */
describe('proxyToApi', () => {
  const received: Received[] = [];
  let upstream: http.Server;
  const previousApiUrl = process.env.API_URL;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, bytes });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    // Fastify's default, which the real API keeps. Node's own 5 s default lets a pooled connection close under a
    // request sent just then on a loaded machine: the proxy would rightly answer 502 to a race of this stand-in's.
    upstream.keepAliveTimeout = 72_000;
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    process.env.API_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env.API_URL = previousApiUrl;
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  it('answers 413 to a chunked body past the limit, reading no more than the limit and sending nothing on', async () => {
    const body = countingBody(8 * MAX_REQUEST_BODY_BYTES);

    const response = await proxyToApi(post(body.stream));

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    await expect(response.json()).resolves.toMatchObject({ status: 413, title: 'Content Too Large' });
    expect(body.pulled()).toBeLessThanOrEqual(MAX_REQUEST_BODY_BYTES + CHUNK_BYTES);
    expect(received).toEqual([]);
  });

  it('answers 413 to a declared Content-Length past the limit without reading the body', async () => {
    const body = countingBody(8 * MAX_REQUEST_BODY_BYTES);

    const response = await proxyToApi(post(body.stream, { 'content-length': String(8 * MAX_REQUEST_BODY_BYTES) }));

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(body.pulled()).toBe(0);
    expect(received).toEqual([]);
  });

  it('forwards a chunked body of exactly the limit whole', async () => {
    const response = await proxyToApi(post(countingBody(MAX_REQUEST_BODY_BYTES).stream));

    expect(response.status).toBe(200);
    expect(received).toMatchObject([{ url: '/api/support/tickets', bytes: MAX_REQUEST_BODY_BYTES }]);
  });

  it('lets a post-call audio webhook past the portal limit, up to its own', async () => {
    const audio = (bytes: number) =>
      new Request(
        'http://web.test/api/webhooks/elevenlabs/0123abcd',
        streamed({ method: 'POST', body: countingBody(bytes).stream }),
      );

    const recording = await proxyToApi(audio(4 * MAX_REQUEST_BODY_BYTES));
    const tooLong = await proxyToApi(audio(MAX_POST_CALL_WEBHOOK_BYTES + CHUNK_BYTES));

    expect(recording.status).toBe(200);
    expect(tooLong.status).toBe(413);
    expect(received).toMatchObject([{ url: '/api/webhooks/elevenlabs/0123abcd', bytes: 4 * MAX_REQUEST_BODY_BYTES }]);
  });

  it('forwards an upload that asked for 100-continue', async () => {
    const response = await proxyToApi(post(countingBody(1000).stream, { expect: '100-continue' }));

    expect(response.status).toBe(200);
    expect(received).toMatchObject([{ bytes: 1000 }]);
  });

  it('replaces a client-supplied X-Forwarded-For with the peer address and drops Forwarded and X-Real-IP', async () => {
    const spoofed = new Request('http://web.test/api/auth/login', {
      headers: { 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6', 'x-real-ip': '6.6.6.6' },
    });

    await proxyToApi(spoofed, { clientAddress: '203.0.113.7' });

    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(received[0]!.headers).not.toHaveProperty('forwarded');
    expect(received[0]!.headers).not.toHaveProperty('x-real-ip');
    expect(received[0]!.headers['x-forwarded-host']).toBe('web.test');
  });

  it('passes on no client-supplied address when the peer address is unknown', async () => {
    await proxyToApi(new Request('http://web.test/api/health', { headers: { 'x-forwarded-for': '6.6.6.6' } }));

    expect(received).toHaveLength(1);
    expect(received[0]!.headers).not.toHaveProperty('x-forwarded-for');
  });

  it('answers 502 problem+json when the API refuses connections, and logs the cause but not the request', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const apiUrl = process.env.API_URL;
    process.env.API_URL = `http://127.0.0.1:${port}`;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await proxyToApi(
        new Request('http://web.test/api/auth/login?next=/app', {
          method: 'POST',
          headers: { cookie: 'vp_session=secret-session' },
          body: '{"password":"hunter2"}',
        }),
      );

      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      await expect(response.json()).resolves.toMatchObject({ status: 502, title: 'Bad Gateway' });
      const lines = logged.mock.calls.map((call) => call.join(' '));
      expect(lines).toEqual([expect.stringContaining('POST /api/auth/login failed: ECONNREFUSED')]);
      expect(lines.join('\n')).not.toMatch(/hunter2|secret-session|next=/);
    } finally {
      logged.mockRestore();
      process.env.API_URL = apiUrl;
    }
  });
});
