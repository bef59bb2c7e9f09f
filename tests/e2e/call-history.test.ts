import { audioKeyFor } from '../../domain/conversations/audio-store';
import type { Tenant } from '../../db/entities';
import { silentMp3 } from '../../sim/elevenlabs/mp3';
import { makeTenant, makeUser, subscribeTenant, type TestUser } from '../support/factories';
import { makeAgent, makeCall, makeIntegration } from '../monitoring/call-log-fixtures';
import { screenshot, signIn, type Page } from './support/browser';
import { callAudioDuration, callAudioFirstBytes } from './support/in-page';
import { pagePerTest } from './support/page-per-test';
import { startStack, type Stack } from './support/stack';

const HOUR_MS = 3_600_000;
const stat = (page: Page, label: string) => page.locator(`[data-stat="${label}"] dd`).first().innerText();

/**
 * The call history in real Chromium: a customer opens Calls, narrows the list by what was said, opens a call and
 * reads its transcript as a conversation while the player loads the recording through the web server's proxy.
 */
describe('call history (browser)', () => {
  let stack: Stack;
  let tenant: Tenant;
  let member: TestUser;
  let staff: TestUser;
  let page: Page;
  let breakfast: string;
  const recording = silentMp3(12, 'conv_e2e_breakfast');

  beforeAll(async () => {
    stack = await startStack({ elevenLabs: true });
    const { orm } = stack.h;
    tenant = await makeTenant(orm, { name: 'Seehof Hotels' });
    await subscribeTenant(orm, tenant.id, 'pro');
    const integration = await makeIntegration(orm, tenant.id);
    const desk = await makeAgent(orm, tenant.id, integration.id, 'Seehof Front desk');
    const bookings = await makeAgent(orm, tenant.id, integration.id, 'Seehof Bookings');
    const key = audioKeyFor(tenant.id, 'conv_e2e_breakfast');
    await stack.h.audio!.put(key, recording);
    const now = Date.now();
    breakfast = (
      await makeCall(orm, tenant.id, {
        conversationId: 'conv_e2e_breakfast',
        agentId: desk.id,
        startedAt: new Date(now - HOUR_MS),
        durationSeconds: 12,
        costUsd: 0.042,
        title: 'Breakfast hours',
        summary: 'The guest asked when breakfast is served; the agent said from seven to half past ten.',
        audioKey: key,
        transcript: [
          { speaker: 'agent', text: 'Good morning, Seehof front desk.', atSeconds: 0 },
          { speaker: 'user', text: 'When do you serve breakfast?', atSeconds: 2.4 },
          { speaker: 'agent', text: 'From seven until half past ten, in the lake room.', atSeconds: 5.1 },
          { speaker: 'user', text: 'Wonderful, thank you!', atSeconds: 10.8 },
        ],
        analysis: {
          evaluations: [{ id: 'answered_question', result: 'success', rationale: 'The times were given.' }],
          collected: [{ id: 'topic', value: 'breakfast', rationale: 'The guest asked about breakfast.' }],
        },
      })
    ).id;
    await makeCall(orm, tenant.id, {
      agentId: bookings.id,
      startedAt: new Date(now - 2 * HOUR_MS),
      durationSeconds: 185,
      title: 'Room for two nights',
      transcript: [{ speaker: 'user', text: 'I would like a double room for two nights.', atSeconds: 1 }],
    });
    await makeCall(orm, tenant.id, {
      agentId: bookings.id,
      startedAt: new Date(now - 3 * HOUR_MS),
      durationSeconds: 40,
      outcome: 'failure',
      title: 'Parking question',
      transcript: [{ speaker: 'user', text: 'Is there parking?', atSeconds: 1 }],
    });
    member = await makeUser(orm, 'customer_user', tenant.id);
    staff = await makeUser(orm, 'support', null);
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });
  pagePerTest(
    () => stack,
    (opened) => ({ page } = opened),
  );

  it('lets a member filter the calls, open one, read the transcript and play the recording', async () => {
    await page.goto('/login');
    await signIn(page, member, /\/app$/);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Calls' }).click();
    await page.waitForURL(/\/app\/calls$/);
    await page.getByRole('heading', { name: 'All calls' }).waitFor();
    const rows = page.locator('tr[data-call-id]');
    await expect(rows.count()).resolves.toBe(3);
    await screenshot(page, 'call-history-list');

    await page.getByLabel('Transcript contains').fill('breakfast');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/app\/calls\?q=breakfast$/);
    await page.getByRole('heading', { name: 'Matching calls' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(page.getByTestId('calls-csv').getAttribute('href')).resolves.toBe('/api/call-logs.csv?q=breakfast');
    // The export link downloads exactly the filtered list, through the web server.
    const csv = await page.request.get('/api/call-logs.csv?q=breakfast');
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(2);

    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/app/calls/${breakfast}$`));
    await page.getByRole('heading', { name: 'Breakfast hours' }).waitFor();
    const turns = page.locator('ol[aria-label="Transcript"] > li');
    await expect(turns.count()).resolves.toBe(4);
    await expect(turns.evaluateAll((items) => items.map((item) => item.getAttribute('data-speaker')))).resolves.toEqual(
      ['agent', 'user', 'agent', 'user'],
    );
    await expect(turns.nth(1).innerText()).resolves.toContain('When do you serve breakfast?');
    await expect(turns.nth(2).innerText()).resolves.toMatch(/Seehof Front desk · 0:05/);
    await expect(page.getByTestId('call-summary').innerText()).resolves.toContain('from seven to half past ten');
    const evaluation = page.getByRole('list', { name: 'Evaluation results' });
    await expect(evaluation.innerText()).resolves.toMatch(/Answered question\s+Success/);

    // The player reads the MP3 through the web server's /api proxy: its duration becomes known.
    await page.waitForFunction(`${callAudioDuration} > 0`, undefined, { timeout: 15_000 });
    const duration = await page.evaluate<number>(callAudioDuration);
    expect(duration).toBeGreaterThan(10);
    expect(duration).toBeLessThan(14);
    await expect(
      page.evaluate<{ status: number; contentRange: string; contentLength: string; bytes: number; id3: string }>(
        callAudioFirstBytes,
      ),
    ).resolves.toEqual({
      status: 206,
      contentRange: `bytes 0-99/${recording.length}`,
      contentLength: '100',
      bytes: 100,
      id3: 'ID3',
    });
    await screenshot(page, 'call-history-detail');
  }, 120_000);

  it('loads older calls on demand, and never shows another tenant’s call', async () => {
    const { orm } = stack.h;
    const bulk = await makeTenant(orm, { name: 'Busy Lodge' });
    for (let n = 0; n < 30; n += 1) {
      await makeCall(orm, bulk.id, {
        startedAt: new Date(Date.UTC(2025, 5, 1, 8, n)),
        title: `Call number ${n + 1}`,
        durationSeconds: 30 + n,
      });
    }
    const lodgeUser = await makeUser(orm, 'customer_user', bulk.id);
    await page.goto('/login');
    await signIn(page, lodgeUser, /\/app$/);
    await page.goto('/app/calls');
    await page.getByRole('heading', { name: 'All calls' }).waitFor();
    const rows = page.locator('tr[data-call-id]');
    await expect(rows.count()).resolves.toBe(25);
    await page.getByRole('link', { name: 'Load more' }).click();
    await rows.nth(29).waitFor();
    await expect(rows.count()).resolves.toBe(30);
    await expect(rows.nth(29).innerText()).resolves.toContain('Call number 1');
    await expect(page.getByRole('link', { name: 'Load more' }).count()).resolves.toBe(0);

    const response = await page.goto(`/app/calls/${breakfast}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('body').innerText()).resolves.not.toContain('Breakfast hours');
  }, 120_000);

  it('shows the member the organisation’s analytics: cards, the daily chart and the agents', async () => {
    await page.goto('/login');
    await signIn(page, member, /\/app$/);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL(/\/app\/analytics$/);
    await page.getByRole('heading', { name: 'Analytics' }).waitFor();
    await expect(stat(page, 'Calls')).resolves.toBe('3');
    await expect(stat(page, 'Success rate')).resolves.toBe('67 %');
    await page.locator('[data-testid="call-volume-chart"] .recharts-rectangle').first().waitFor();
    const agents = page.getByRole('table', { name: 'Calls per agent' });
    await expect(agents.locator('tbody tr').first().innerText()).resolves.toMatch(/^Seehof Bookings\s+2/);
    await screenshot(page, 'call-analytics');
  }, 120_000);

  it('shows platform staff the monitoring stats across tenants', async () => {
    await page.goto('/login');
    await signIn(page, staff, /\/admin$/);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Platform stats' }).click();
    await page.waitForURL(/\/admin\/platform$/);
    await page.getByRole('heading', { name: 'Platform stats' }).waitFor();
    expect(Number((await stat(page, 'Calls, last 30 days')).replace(/,/g, ''))).toBeGreaterThanOrEqual(3);
    await page.locator('[data-testid="call-volume-chart"] .recharts-rectangle').first().waitFor();
    await screenshot(page, 'admin-platform-stats');
  }, 120_000);
});
