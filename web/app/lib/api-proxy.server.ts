import { apiUrl } from './env.server';

/**
 * Same-origin fallback proxy for the API paths (/api, /docs, /telephony) when
 * the web app runs under `remix-serve` without a reverse proxy in front (e.g.
 * the docker-compose setup). In development Vite's dev-server proxy answers
 * these paths first, so this code is not reached there.
 *
 * Plain HTTP only: WebSocket upgrades (telephony media streams) need a real
 * reverse proxy that routes these paths straight to the API.
 */

const PROXY_TIMEOUT_MS = 30_000;

// Hop-by-hop headers (RFC 9110 §7.6.1) plus headers fetch() manages itself.
const STRIP_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
]);

// fetch() transparently decodes compressed bodies, so the original encoding
// and length headers no longer describe the body we pass on.
const STRIP_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'content-encoding',
  'content-length',
]);

function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

export async function proxyToApi(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = new URL(incoming.pathname + incoming.search, apiUrl());

  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (!STRIP_REQUEST_HEADERS.has(key)) headers.set(key, value);
  });
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(/:$/, ''));

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';

  // The timeout covers the wait for the response headers only: a Server-Sent Events stream (provisioning
  // progress) stays open for as long as the browser listens.
  const headersTimeout = new AbortController();
  const timer = setTimeout(
    () => headersTimeout.abort(new DOMException('The API did not respond in time', 'TimeoutError')),
    PROXY_TIMEOUT_MS,
  );
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      // Buffered: API and webhook payloads are small, and this avoids
      // streaming-request (duplex) edge cases.
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      signal: AbortSignal.any([request.signal, headersTimeout.signal]),
    });
  } catch (error) {
    if (request.signal.aborted) return problem(499, 'Client Closed Request', 'The request was aborted.');
    const timedOut = headersTimeout.signal.aborted || (error instanceof DOMException && error.name === 'TimeoutError');
    return timedOut
      ? problem(504, 'Gateway Timeout', 'The API did not respond in time.')
      : problem(502, 'Bad Gateway', 'The API is unreachable.');
  } finally {
    clearTimeout(timer);
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, key) => {
    if (!STRIP_RESPONSE_HEADERS.has(key) && key !== 'set-cookie') responseHeaders.set(key, value);
  });
  // Multiple Set-Cookie headers must stay separate.
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}
