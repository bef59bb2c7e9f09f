// Hop-by-hop headers (RFC 9110 §7.6.1) plus headers fetch() manages itself.
const HOP_BY_HOP = new Set([
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
  // Node's server answers "100-continue" itself, and fetch() refuses to send the header.
  'expect',
]);

// Claims about the client's address. Only this proxy knows the real one; a browser could send anything here, and
// the API's rate limits trust X-Forwarded-For from this hop.
const CLIENT_ADDRESS_CLAIMS = new Set(['x-forwarded-for', 'forwarded', 'x-real-ip']);

/**
 * The headers the API gets for a browser's request: the browser's own minus hop-by-hop ones, and X-Forwarded-*
 * set (never appended to) from what this server saw: the public host and protocol, and the TCP peer's address.
 */
export function upstreamRequestHeaders(request: Request, clientAddress: string | undefined): Headers {
  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key) && !CLIENT_ADDRESS_CLAIMS.has(key)) headers.set(key, value);
  });
  const incoming = new URL(request.url);
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(/:$/, ''));
  if (clientAddress) headers.set('x-forwarded-for', clientAddress);
  return headers;
}
