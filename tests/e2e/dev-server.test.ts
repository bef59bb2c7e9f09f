import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { collectPageErrors, launchBrowser, newContext, type Browser } from './support/browser';
import { startDevServer, type DevServer } from './support/dev-server';
import { importDashboardRoute, isSameDocument, markDocument } from './support/in-page';

/** Posts through the dev server's /api proxy with `headers`; with `Expect: 100-continue` the body waits for it. */
function postThroughDevProxy(url: string, headers: Record<string, string>): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/auth/login`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    request.on('error', reject);
    if (headers.expect) request.on('continue', () => request.end('{}'));
    else request.end('{}');
  });
}

/**
 * Asks the dev server's /telephony proxy for a WebSocket with `headers`; settles on whatever answer comes. The API
 * serves no WebSocket itself (calls stream to each bot's app), but the proxy forwards upgrades on its paths, so
 * what it sends on with one still matters; the stand-in API takes any path.
 */
function upgradeThroughDevProxy(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(`${url}/telephony/upgrade-probe`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve();
    });
    request.on('response', (response) => {
      response.resume();
      resolve();
    });
    request.on('error', () => resolve());
    request.end();
  });
}

/**
 * `npm run web:dev` as a developer meets it on a fresh checkout: Vite's dependency cache empty, the API a stand-in
 * that records what reaches it.
 */
describe('web dev server (browser)', () => {
  const apiRequests: IncomingHttpHeaders[] = [];
  let api: http.Server;
  let dev: DevServer;
  let browser: Browser;
  let cacheDir: string;

  beforeAll(async () => {
    api = http.createServer((req, res) => {
      apiRequests.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503}'));
    });
    api.on('upgrade', (req, socket) => {
      apiRequests.push(req.headers);
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceplane-vite-cache-'));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    [dev, browser] = await Promise.all([startDevServer({ apiUrl, cacheDir }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    await new Promise((resolve) => api.close(resolve));
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('hydrates the first page and loads the dashboard’s chart library without bundling again or reloading', async () => {
    const context = await newContext(browser, dev.url);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    await page.goto('/login');
    // An effect enables the button: it is enabled once React has hydrated the page.
    await page.getByRole('button', { name: 'Sign in', disabled: false }).waitFor();
    await page.getByLabel('Email address').fill('someone@example.com');
    await page.evaluate(markDocument);

    await expect(page.evaluate<string[]>(importDashboardRoute)).resolves.toContain('default');

    await expect(page.evaluate<boolean>(isSameDocument)).resolves.toBe(true);
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe('someone@example.com');
    expect(dev.output()).not.toMatch(/new dependencies optimized|optimized dependencies changed/);
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  const claims = { 'x-forwarded-for': '6.6.6.6', forwarded: 'for=6.6.6.6', 'x-real-ip': '6.6.6.6' };

  it.each([
    ['a plain request', () => postThroughDevProxy(dev.url, claims)],
    // Node's proxy skips its 'proxyReq' hook for these.
    ['a request expecting 100-continue', () => postThroughDevProxy(dev.url, { ...claims, expect: '100-continue' })],
    ['a WebSocket upgrade', () => upgradeThroughDevProxy(dev.url, claims)],
  ])('forwards only the peer address to the API for %s, whatever the client claims', async (_name, send) => {
    apiRequests.length = 0;

    await send();

    expect(apiRequests).toHaveLength(1);
    expect(apiRequests[0]!['x-forwarded-for']).toBe('127.0.0.1');
    expect(apiRequests[0]).not.toHaveProperty('forwarded');
    expect(apiRequests[0]).not.toHaveProperty('x-real-ip');
  });
});
