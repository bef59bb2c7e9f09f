import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Tenant } from '../../db/entities';
import { solidPng } from '../branding/branding-images';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import { screenshot, signIn, type Page } from './support/browser';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

type Locator = ReturnType<Page['locator']>;
/** What the browser computed for one CSS property (or custom property) of an element. */
const computed = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => {
    const view = (element as unknown as { ownerDocument: { defaultView: BrowserWindow } }).ownerDocument.defaultView;
    return view
      .getComputedStyle(element as never)
      .getPropertyValue(name)
      .trim();
  }, property);
interface BrowserWindow {
  getComputedStyle(element: never): { getPropertyValue(name: string): string };
}

/**
 * White label in real Chromium: A's admin sets the title and colour and uploads a logo and favicon on the
 * Branding page; A's portal wears them (CSS variable used by primary buttons, header, <title>, favicon); B's
 * users still see VoicePlane's look; the sign-in page with `?tenant=` shows A's branding before anyone signs in.
 */
describe('white-label branding (browser)', () => {
  let stack: Stack;
  let a: Tenant;
  let adminA: TestUser;
  let userB: TestUser;
  let page: Page;
  let shots: string;

  beforeAll(async () => {
    stack = await startStack();
    const { orm } = stack.h;
    a = await makeTenant(orm, { name: 'Alpenblick Hotels' });
    const b = await makeTenant(orm, { name: 'Bergsee Camping' });
    await subscribeTenant(orm, a.id, 'enterprise');
    await subscribeTenant(orm, b.id, 'enterprise');
    adminA = await makeUser(orm, 'customer_admin', a.id);
    userB = await makeUser(orm, 'customer_user', b.id);
    shots = fs.mkdtempSync(path.join(os.tmpdir(), 'branding-e2e-'));
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
    fs.rmSync(shots, { recursive: true, force: true });
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
  );

  const brandVariable = () => computed(page.getByTestId('brand-root'), '--brand-primary');
  const faviconHref = () => page.locator('link[rel="icon"]').getAttribute('href');
  const headerTitle = () => page.getByTestId('brand-title').last().innerText();

  it('applies the branding A’s admin saves to A’s portal: colour, header, <title>, favicon', async () => {
    await page.goto('/login');
    await signIn(page, adminA, /\/app$/);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Branding' }).click();
    await page.waitForURL(/\/app\/branding$/);

    await page.getByLabel('Dashboard title').fill('Alpen Admin');
    await page.getByLabel('Primary colour (hex)').fill('#FF6B35');
    await expect(page.getByTestId('preview-title').innerText()).resolves.toBe('Alpen Admin');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Branding saved.').waitFor();

    for (const [asset, rgb] of [
      ['logo', [255, 107, 53]],
      ['favicon', [20, 40, 60]],
    ] as const) {
      const form = page.locator('form', { has: page.getByRole('button', { name: `Upload ${asset}` }) });
      await form.locator('input[type="file"]').setInputFiles({
        name: `${asset}.png`,
        mimeType: 'image/png',
        buffer: solidPng([...rgb]),
      });
      await form.getByRole('button', { name: `Upload ${asset}` }).click();
      await page.getByText(`The ${asset} was uploaded.`).waitFor();
    }

    await page.goto('/app');
    await expect(brandVariable()).resolves.toBe('#ff6b35');
    await expect(headerTitle()).resolves.toBe('Alpen Admin');
    await expect(page.title()).resolves.toBe('Dashboard · Alpen Admin');
    await expect(faviconHref()).resolves.toMatch(
      new RegExp(`^/api/branding/assets/${a.slug}/favicon\\?v=[0-9a-f]{16}$`),
    );
    const favicon = await page.request.get((await faviconHref())!);
    expect(favicon.headers()['content-type']).toBe('image/png');
    // The variable is what primary buttons and the active menu entry are painted with.
    const active = page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Dashboard' }).last();
    await expect(computed(active, 'color')).resolves.toBe('rgb(191, 80, 40)');
    await page.goto('/app/branding');
    const save = page.getByRole('button', { name: 'Save branding' });
    await expect(computed(save, 'background-color')).resolves.toBe('rgb(255, 107, 53)');
    await expect(page.locator('header img, a img').first().getAttribute('src')).resolves.toContain(
      `/api/branding/assets/${a.slug}/logo`,
    );

    const file = path.join(shots, 'branding-tenant-a.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(1_000);
    expect(fs.readFileSync(file).subarray(1, 4).toString('ascii')).toBe('PNG');
    await screenshot(page, 'branding-tenant-a');
  }, 180_000);

  it('shows B’s user VoicePlane’s own look, nothing of A’s', async () => {
    await page.goto('/login');
    await signIn(page, userB, /\/app$/);
    await expect(brandVariable()).resolves.toBe('');
    await expect(headerTitle()).resolves.toBe('VoicePlane');
    await expect(page.title()).resolves.toBe('Dashboard · VoicePlane');
    await expect(faviconHref()).resolves.toBe('/favicon.svg');
    await expect(page.content()).resolves.not.toContain('Alpen Admin');
    expect(await page.getByRole('link', { name: 'Branding' }).count()).toBe(0);
    const file = path.join(shots, 'branding-tenant-b.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(1_000);
  }, 120_000);

  it('brands the sign-in page for ?tenant=<slug> before anyone signs in', async () => {
    await page.goto(`/login?tenant=${a.slug}`);
    await expect(page.getByTestId('brand-title').innerText()).resolves.toBe('Alpen Admin');
    await expect(page.title()).resolves.toBe('Sign in · Alpen Admin');
    await expect(faviconHref()).resolves.toContain(`/api/branding/assets/${a.slug}/favicon`);
    const button = page.getByRole('button', { name: 'Sign in' });
    await expect(computed(button, 'background-color')).resolves.toBe('rgb(255, 107, 53)');
    await page.goto('/login?tenant=no-such-tenant-here');
    await expect(page.getByTestId('brand-title').innerText()).resolves.toBe('VoicePlane');
    await screenshot(page, 'branding-login-default');
  }, 120_000);
});
