import fs from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { findChromium } from './chromium-executable';

const SCREENSHOTS = path.resolve(__dirname, '../../../test-artifacts/screenshots');

/** Headless Chromium (see chromium-executable.ts for which one), set up for a closed network and running as root. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  return chromium.launch({
    executablePath,
    env: { ...process.env, ...env },
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Errors a page reported (uncaught exceptions, console.error), except the browser's own notes on 4xx loads. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    errors.push(`console.error: ${text}`);
  });
  return errors;
}

export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 900 }) {
  // Reduced motion: charts draw at once, so screenshots show them complete.
  return browser.newContext({ baseURL, viewport, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
}

/** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form and waits for the portal page the app sends the user to. */
export async function signIn(page: Page, user: { email: string; password: string }, landing: RegExp) {
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
}

export type { Browser, BrowserContext, Page };
export { eventually } from '../../support/eventually';
