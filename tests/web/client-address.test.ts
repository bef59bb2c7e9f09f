import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWebServer, type WebServer } from '../e2e/support/web-server';

/**
 * The address web/server.mjs hands the API as X-Forwarded-For (the API's sign-in limits key on it): the TCP peer
 * when browsers reach it directly, and behind N trusted proxies (Heroku's router) the address the last of them
 * appended, never an entry a browser wrote itself. Runs the production build (`npm run web:build`).
 */
describe('the web server’s client address', () => {
  const received: IncomingHttpHeaders[] = [];
  let api: http.Server;
  let apiUrl: string;
  const servers: WebServer[] = [];
  beforeAll(async () => {
    api = http.createServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
  });

  const forwardedFor = async (hops: string) => {
    const web = await startWebServer({ apiUrl, env: { WEB_TRUST_PROXY_HOPS: hops } });
    servers.push(web);
    received.length = 0;
    const response = await fetch(`${web.url}/api/health`, {
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
    });
    expect(response.status).toBe(200);
    return received.map((headers) => headers['x-forwarded-for']);
  };

  it('passes on the TCP peer and ignores a browser’s X-Forwarded-For with no proxy trusted', async () => {
    expect(await forwardedFor('0')).toEqual(['127.0.0.1']);
  });

  it('passes on the address the one trusted proxy appended, not the entries before it', async () => {
    expect(await forwardedFor('1')).toEqual(['203.0.113.9']);
  });
});
