import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';
import morgan from 'morgan';

/**
 * The production web server (`npm run start:web`, after `npm run web:build`): what `react-router-serve` sets up, plus
 * the one thing it cannot do, handing loaders and actions the browser's TCP peer address
 * (`context.clientAddress`, see app/load-context.ts). The same-origin API proxy sends it on as X-Forwarded-For,
 * which the API's rate limits trust from this hop only. Listens on HOST (all interfaces if unset) and PORT (3000).
 *
 * Behind proxies of its own (Heroku's router: WEB_TRUST_PROXY_HOPS=1, which ops/heroku-web.ts sets) the TCP peer is
 * the proxy, and every browser would share its address and its sign-in limit. With N hops trusted, the address is
 * the one the Nth proxy saw, read from the right of X-Forwarded-For, where a browser's own claims cannot reach.
 */

process.env.NODE_ENV ??= 'production';
const webDir = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.join(webDir, 'build/client');
// Node 24's own fetch, Request and Response are what the server build expects: no globals to install.
const build = await import(pathToFileURL(path.join(webDir, 'build/server/index.js')).href);

const app = express();
app.disable('x-powered-by');
const trustedProxyHops = Number(process.env.WEB_TRUST_PROXY_HOPS ?? 0);
if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0 || trustedProxyHops > 5) {
  console.error(`WEB_TRUST_PROXY_HOPS must be a whole number from 0 to 5, got ${process.env.WEB_TRUST_PROXY_HOPS}`);
  process.exit(1);
}
// Express's req.ip: the socket's peer with 0, else the address the last trusted hop appended.
app.set('trust proxy', trustedProxyHops);
app.use(compression());
// Vite fingerprints everything under /assets; the rest of public/ may change between deploys.
app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
app.use(express.static(clientDir, { maxAge: '1h' }));
app.use(morgan('tiny'));
app.use(refuseOversizedBodies);
app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip }),
  }),
);

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Bounds what a portal form post may make this process hold: the API's 1 MiB (MAX_REQUEST_BODY_BYTES in
 * app/lib/api-proxy.server.ts), declared before it is read (browsers always send a length with a form). The
 * proxied API paths are left to the proxy, which knows each path's limit (bodyLimitFor, e.g. post-call audio
 * webhooks) and enforces it on a declared length and on a chunked body as it arrives.
 */
function refuseOversizedBodies(req, res, next) {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  if (/^\/(api|docs|telephony)(\/|$|\?)/.test(req.url)) return next();
  const declared = req.headers['content-length'];
  if (declared === undefined || Number(declared) > MAX_BODY_BYTES) {
    const status = declared !== undefined ? 413 : 411;
    res.writeHead(status, { 'content-type': 'application/problem+json', connection: 'close' });
    res.end(
      JSON.stringify({
        type: 'about:blank',
        title: status === 413 ? 'Content Too Large' : 'Length Required',
        status,
        detail: `Request bodies must declare a length of at most ${MAX_BODY_BYTES} bytes.`,
      }),
    );
    return;
  }
  next();
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST;
const onListen = () => console.log(`[web] http://${host ?? 'localhost'}:${port}`);
const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close());
