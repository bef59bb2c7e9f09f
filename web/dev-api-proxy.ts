import type { IncomingMessage } from 'node:http';

import type { HttpProxy, ProxyOptions } from 'vite';

/** Paths served by the API. The browser only ever talks to the web origin. */
const API_PATH_PREFIXES = ['api', 'docs', 'telephony'] as const;

// Claims about the client's address that only a proxy may make: a browser could send anything here, and the API's
// rate limits trust X-Forwarded-For from this hop.
const CLIENT_ADDRESS_CLAIMS = ['forwarded', 'x-real-ip'] as const;

const peerAddress = (req: IncomingMessage) => req.socket.remoteAddress;

/**
 * `xfwd` appends the peer to whatever X-Forwarded-For the browser sent; this makes the peer the only address.
 * HTTP requests are fixed up on 'start', before their outgoing headers are copied from them ('proxyReq' never
 * fires for a request with `Expect: 100-continue`); WebSocket upgrades on 'proxyReqWs', which always fires.
 */
function forwardOnlyThePeerAddress(proxy: HttpProxy.Server) {
  proxy.on('start', (req) => {
    for (const name of CLIENT_ADDRESS_CLAIMS) delete req.headers[name];
    const address = peerAddress(req);
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
  });
  proxy.on('proxyReqWs', (proxyReq, req) => {
    for (const name of CLIENT_ADDRESS_CLAIMS) proxyReq.removeHeader(name);
    const address = peerAddress(req);
    if (address) proxyReq.setHeader('x-forwarded-for', address);
    else proxyReq.removeHeader('x-forwarded-for');
  });
}

/**
 * The dev server's proxy for the API paths. Keys starting with "^" are regular expressions matched against the
 * request URL; this matches "/api", "/api/...", "/api?..." but not e.g. "/apiary".
 */
export function devApiProxy(apiUrl: string): Record<string, ProxyOptions> {
  return Object.fromEntries(
    API_PATH_PREFIXES.map((prefix) => [
      `^/${prefix}(?:[/?]|$)`,
      {
        target: apiUrl,
        // Keep the browser's Host header and add X-Forwarded-* so the API sees the public origin (cookies,
        // absolute URLs, webhook signatures) and the browser's address.
        changeOrigin: false,
        xfwd: true,
        configure: forwardOnlyThePeerAddress,
        // Upgrades pass through with the same headers (no API route takes one since media streams go to bots).
        ws: true,
      } satisfies ProxyOptions,
    ]),
  );
}
