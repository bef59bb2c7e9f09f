import { CALL_LOG_CSV_MAX } from '../../domain/conversations/call-logs-csv';
import { inScope } from '../../db/scope';
import { bearerFor, makeTenant, makeUser, makeWorld } from '../support/factories';
import { createHarness, type Harness } from '../support/harness';
import { makeAgent, makeCall, makeIntegration } from './call-log-fixtures';

const HEADER =
  'started_at,call_id,conversation_id,agent,status,outcome,direction,duration_seconds,cost_usd,language,' +
  'from_number,to_number,title,summary,termination_reason';

/** `GET /api/call-logs.csv`: the filtered history as a spreadsheet can open it safely. */
describe('call history CSV export', () => {
  let h: Harness;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    world = await makeWorld(h.orm, h.app);
    const integration = await makeIntegration(h.orm, world.tenant.id);
    const desk = await makeAgent(h.orm, world.tenant.id, integration.id, '-Front desk');
    const other = await makeAgent(h.orm, world.tenant.id, integration.id, 'Bookings');
    ids.hostile = (
      await makeCall(h.orm, world.tenant.id, {
        agentId: desk.id,
        startedAt: new Date('2025-05-02T10:00:00Z'),
        durationSeconds: 42,
        costUsd: 0.0123,
        title: '=HYPERLINK("http://evil.example","click")',
        summary: 'Caller said "hi", then\nasked, twice',
        fromNumber: '+43123456',
        transcript: [{ speaker: 'user', text: 'cancel my booking', atSeconds: 1 }],
      })
    ).id;
    ids.plain = (
      await makeCall(h.orm, world.tenant.id, {
        agentId: desk.id,
        startedAt: new Date('2025-05-01T09:00:00Z'),
        title: '@mention',
        summary: 'Nothing special',
        transcript: [{ speaker: 'user', text: 'opening hours?', atSeconds: 1 }],
      })
    ).id;
    ids.otherAgent = (
      await makeCall(h.orm, world.tenant.id, { agentId: other.id, startedAt: new Date('2025-05-03T09:00:00Z') })
    ).id;
  });
  afterAll(() => h.close());

  const exportCsv = (headers: { authorization: string }, query = '') =>
    h.app.inject({ url: `/api/call-logs.csv${query}`, headers });
  const linesOf = (csv: string) => csv.split('\r\n').slice(0, -1);

  it('exports the filtered calls with a header row, newest first, as an attachment', async () => {
    const response = await exportCsv(world.headers.customer_user);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="calls.*\.csv"$/);
    expect(response.headers['x-export-capped']).toBe('false');
    expect(response.body.endsWith('\r\n')).toBe(true);
    const lines = linesOf(response.body);
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([ids.otherAgent, ids.hostile, ids.plain]);

    const filtered = linesOf((await exportCsv(world.headers.customer_user, '?q=booking&to=2025-05-02')).body);
    expect(filtered.slice(1).map((line) => line.split(',')[1])).toEqual([ids.hostile]);
    const byDay = linesOf((await exportCsv(world.headers.customer_user, '?from=2025-05-03')).body);
    expect(byDay.slice(1).map((line) => line.split(',')[1])).toEqual([ids.otherAgent]);
  });

  it('keeps formulas from running: text starting with = + - @ gets an apostrophe, and quoting holds', async () => {
    const response = await exportCsv(world.headers.customer_user, '?q=booking');
    const row = response.body.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(row).toContain(`,'-Front desk,`);
    expect(row).toContain(`,'+43123456,`);
    expect(row).toContain(`"Caller said ""hi"", then\nasked, twice"`);
    expect(row.startsWith(`2025-05-02T10:00:00.000Z,${ids.hostile},conv_`)).toBe(true);
    expect(row).toContain(',completed,success,inbound,42,0.012300,,');
    const plain = linesOf((await exportCsv(world.headers.customer_user, '?q=opening')).body)[1]!;
    expect(plain).toContain(",'@mention,Nothing special,");
    // No cell of the export starts a formula.
    const cells = response.body.split(/,|\r\n/).map((cell) => cell.replace(/^"/, ''));
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('exports nothing of another tenant and refuses parameters a list page has', async () => {
    const stranger = await bearerFor(h.app, await makeUser(h.orm, 'customer_admin', (await makeTenant(h.orm)).id));
    const theirs = await exportCsv(stranger);
    expect(linesOf(theirs.body)).toEqual([HEADER]);
    expect((await exportCsv(stranger, `?tenantId=${world.tenant.id}`)).statusCode).toBe(404);
    for (const query of ['?limit=5', '?cursor=abc', '?from=2025-05-03&to=2025-05-01']) {
      const response = await exportCsv(world.headers.customer_admin, query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it(`stops at ${CALL_LOG_CSV_MAX} calls and says so in its last line and a header`, async () => {
    const tenant = await makeTenant(h.orm);
    const headers = await bearerFor(h.app, await makeUser(h.orm, 'customer_user', tenant.id));
    await inScope(h.orm, { system: 'test' }, (em) =>
      em.execute(
        `insert into call_logs (id, tenant_id, provider, external_call_id, status, started_at, duration_seconds)
         select gen_random_uuid(), ?, 'elevenlabs', 'conv_bulk_' || n || '_' || gen_random_uuid(), 'completed',
                timestamptz '2025-01-01' + n * interval '1 minute', 30
           from generate_series(1, ?) as n`,
        [tenant.id, CALL_LOG_CSV_MAX + 1],
      ),
    );
    const response = await exportCsv(headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-export-capped']).toBe('true');
    const lines = linesOf(response.body);
    expect(lines).toHaveLength(1 + CALL_LOG_CSV_MAX + 1);
    expect(lines.at(-1)).toBe(
      `# Only the newest ${CALL_LOG_CSV_MAX} calls are exported: narrow the dates or filters for the rest`,
    );
    // The newest made it, the oldest one did not.
    expect(
      lines[1]!.startsWith(`${new Date(Date.UTC(2025, 0, 1) + (CALL_LOG_CSV_MAX + 1) * 60_000).toISOString()},`),
    ).toBe(true);
    const narrowed = await exportCsv(headers, '?to=2025-01-01');
    expect(narrowed.headers['x-export-capped']).toBe('false');
  }, 60_000);
});
