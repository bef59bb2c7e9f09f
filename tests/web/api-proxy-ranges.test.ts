/// <reference types="jest" />
// Type-checked with the web app (web/tsconfig.json): its modules use the bundler's extensionless imports.
import { randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { proxyToApi } from '../../web/app/lib/api-proxy.server';

/** A recording's bytes: binary, not text, so any decoding on the way would show. */
const RECORDING = randomBytes(256 * 1024);

/**
 * The web server's same-origin /api proxy with a recording behind it: the browser's audio player asks for byte
 * ranges, and the answers (206, Content-Range, Accept-Ranges, the exact bytes and their length) must reach it.
 */
describe('proxyToApi with byte ranges', () => {
  const received: IncomingHttpHeaders[] = [];
  let upstream: http.Server;
  const previousApiUrl = process.env.API_URL;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      received.push(req.headers);
      if (req.url === '/api/compressed') {
        const body = gzipSync(Buffer.from('{"ok":true}'));
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': body.length,
        });
        res.end(body);
        return;
      }
      const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
      const common = { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes' };
      if (!match) {
        res.writeHead(200, { ...common, 'content-length': RECORDING.length });
        res.end(req.method === 'HEAD' ? undefined : RECORDING);
        return;
      }
      const start = Number(match[1]);
      if (start >= RECORDING.length) {
        res.writeHead(416, {
          'content-type': 'application/problem+json',
          'content-range': `bytes */${RECORDING.length}`,
        });
        res.end('{"status":416}');
        return;
      }
      const end = match[2] ? Math.min(Number(match[2]), RECORDING.length - 1) : RECORDING.length - 1;
      res.writeHead(206, {
        ...common,
        'content-range': `bytes ${start}-${end}/${RECORDING.length}`,
        'content-length': end - start + 1,
      });
      res.end(RECORDING.subarray(start, end + 1));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    process.env.API_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env.API_URL = previousApiUrl;
    await new Promise((resolve) => upstream.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const audio = (headers: Record<string, string> = {}, method = 'GET') =>
    proxyToApi(new Request('http://web.test/api/call-logs/1/audio', { method, headers }));

  it('passes the Range header on and the 206 back: status, Content-Range, Accept-Ranges, length and exact bytes', async () => {
    const response = await audio({ range: 'bytes=1000-1999' });
    expect(received[0]!.range).toBe('bytes=1000-1999');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${RECORDING.length}`);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await response.arrayBuffer()).equals(RECORDING.subarray(1000, 2000))).toBe(true);
  });

  it('streams a whole binary recording unchanged, with its length', async () => {
    const response = await audio();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(RECORDING.length));
    expect(response.body).not.toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(RECORDING)).toBe(true);
  });

  it('passes 416 on with the size in Content-Range, and HEAD with the length but no body', async () => {
    const refused = await audio({ range: `bytes=${RECORDING.length}-` });
    expect(refused.status).toBe(416);
    expect(refused.headers.get('content-range')).toBe(`bytes */${RECORDING.length}`);
    const head = await audio({}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(RECORDING.length));
  });

  it('drops the length of a body fetch() decompressed, which no longer describes it', async () => {
    const response = await proxyToApi(new Request('http://web.test/api/compressed'));
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBeNull();
    await expect(response.json()).resolves.toEqual({ ok: true });
  });
});
