import { apiUrl } from './env.server';
import { MAX_POST_CALL_WEBHOOK_BYTES, MAX_REQUEST_BODY_BYTES } from '@contracts/body-limits';
import { readBodyWithinLimit } from './read-body-within-limit.server';
import { upstreamRequestHeaders } from './upstream-request-headers.server';

/**
 * Same-origin fallback proxy for the API paths (/api, /docs, /telephony) when
 * the web app runs under `npm run start:web` (web/server.mjs) without a reverse
 * proxy in front (e.g. the docker-compose setup). In development Vite's
 * dev-server proxy (web/dev-api-proxy.ts) answers these paths first, so this
 * code is not reached there.
 *
 * Plain HTTP only: WebSocket upgrades (telephony media streams) need a real
 * reverse proxy that routes these paths straight to the API.
 */

const PROXY_TIMEOUT_MS = 30_000;

export { MAX_POST_CALL_WEBHOOK_BYTES, MAX_REQUEST_BODY_BYTES };

/** How large a body the API accepts on this path: anything larger would be refused there, so it is never read here. */
export const bodyLimitFor = (pathname: string): number =>
  pathname.startsWith('/api/webhooks/elevenlabs/') ? MAX_POST_CALL_WEBHOOK_BYTES : MAX_REQUEST_BODY_BYTES;

// fetch() transparently decodes compressed bodies, so the original encoding
// no longer describes the body we pass on (nor, then, its length: see below).
const STRIP_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'content-encoding',
]);

function problem(status: number, title: string, detail: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...extraHeaders },
  });
}

// The rest of the upload is never read, so the connection cannot carry another request: close it.
const tooLarge = (limit: number) =>
  problem(413, 'Content Too Large', `Request bodies are limited to ${limit} bytes.`, {
    connection: 'close',
  });

// Read by shape, not `instanceof`: fetch's errors may come from another realm (a test runner's sandbox).
const failureCode = (error: unknown): string => {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (typeof cause?.code === 'string') return cause.code;
  return typeof name === 'string' ? name : 'unknown error';
};

/**
 * Forwards the request to the API. `clientAddress` is the browser's TCP peer address (from the server's load
 * context), passed on as X-Forwarded-For.
 */
export async function proxyToApi(
  request: Request,
  { clientAddress }: { clientAddress?: string } = {},
): Promise<Response> {
  const incoming = new URL(request.url);
  const target = new URL(incoming.pathname + incoming.search, apiUrl());
  const headers = upstreamRequestHeaders(request, clientAddress);

  let body: Uint8Array<ArrayBuffer> | undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const limit = bodyLimitFor(incoming.pathname);
    if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge(limit);
    // Buffered (payloads are small but for post-call audio, and this avoids streaming-request edge cases), but
    // capped: a chunked body declares no length.
    const read = await readBodyWithinLimit(request.body, limit);
    if (read === 'too-large') return tooLarge(limit);
    body = read;
  }

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
      body,
      redirect: 'manual',
      signal: AbortSignal.any([request.signal, headersTimeout.signal]),
    });
  } catch (error) {
    if (request.signal.aborted) return problem(499, 'Client Closed Request', 'The request was aborted.');
    const timedOut = headersTimeout.signal.aborted || (error instanceof DOMException && error.name === 'TimeoutError');
    if (timedOut) return problem(504, 'Gateway Timeout', 'The API did not respond in time.');
    // The cause's code only (ECONNREFUSED, UND_ERR_SOCKET, ...): never the request, which may carry credentials.
    console.error(`[web] API proxy: ${request.method} ${incoming.pathname} failed: ${failureCode(error)}`);
    return problem(502, 'Bad Gateway', 'The API is unreachable.');
  } finally {
    clearTimeout(timer);
  }

  const responseHeaders = new Headers();
  // An undecoded body keeps its length: a media player reading byte ranges (call recordings) relies on it.
  const decoded = upstream.headers.has('content-encoding');
  upstream.headers.forEach((value, key) => {
    if (STRIP_RESPONSE_HEADERS.has(key) || key === 'set-cookie' || (key === 'content-length' && decoded)) return;
    responseHeaders.set(key, value);
  });
  // Multiple Set-Cookie headers must stay separate.
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}

/** Loader and action of the routes whose paths belong to the API (/api, /docs, /telephony). */
export const proxyRouteToApi = ({ request, context }: { request: Request; context: { clientAddress?: string } }) =>
  proxyToApi(request, { clientAddress: context.clientAddress });
