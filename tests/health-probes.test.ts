import { randomUUID } from 'node:crypto';
import { migrationsList } from '../db/migrations';
import { createOrm } from '../db/orm';
import { inScope } from '../db/scope';
import { checkReadiness } from '../domain/health/check-readiness';
import { pendingMigrations } from '../domain/health/pending-migrations';
import { AppError } from '../domain/errors/app-error';
import { createHarness, type Harness } from './support/harness';

describe('liveness and readiness', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers liveness without asking anything, and readiness after checking database, Temporal and migrations', async () => {
    const live = await h.app.inject({ url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'alive', uptimeSeconds: expect.any(Number) });

    const ready = await h.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, temporal: { ok: true }, migrations: { ok: true } },
    });
  });

  it('counts the migrations a database lacks, reading the table without creating it', async () => {
    const schema = `readiness_${randomUUID().replaceAll('-', '')}`;
    const known = migrationsList.map((migration) => migration.name);
    try {
      // A schema with no migrations table yet: every migration is pending (and none is created by asking).
      await inScope(h.orm, { system: 'test' }, (em) => em.execute(`create schema ${schema}`));
      expect(await pendingMigrations(h.orm, `${schema}.schema_migrations`)).toEqual(known);
      const [table] = await inScope(h.orm, { system: 'test' }, (em) =>
        em.execute<{ created: boolean }[]>(`select to_regclass(?) is not null as created`, [
          `${schema}.schema_migrations`,
        ]),
      );
      expect(table?.created).toBe(false);

      // All but the newest two applied.
      await inScope(h.orm, { system: 'test' }, async (em) => {
        await em.execute(`create table ${schema}.schema_migrations (id serial primary key, name text not null)`);
        for (const name of known.slice(0, -2)) {
          await em.execute(`insert into ${schema}.schema_migrations (name) values (?)`, [name]);
        }
      });
      expect(await pendingMigrations(h.orm, `${schema}.schema_migrations`)).toEqual(known.slice(-2));
      // The suites' database is migrated to the latest.
      expect(await pendingMigrations(h.orm)).toEqual([]);
    } finally {
      await inScope(h.orm, { system: 'test' }, (em) => em.execute(`drop schema if exists ${schema} cascade`));
    }
  });
});

describe('readiness when a dependency is down', () => {
  it('answers 503 problem+json naming Temporal while liveness stays 200', async () => {
    const h = await createHarness();
    try {
      await h.client.connection.close();
      const withoutTemporal = await h.app.inject({ url: '/api/health/ready' });
      expect(withoutTemporal.statusCode).toBe(503);
      expect(withoutTemporal.headers['content-type']).toContain('application/problem+json');
      expect(withoutTemporal.json()).toMatchObject({ status: 503, code: 'unavailable', down: 'temporal' });
      expect(withoutTemporal.json().detail).toBe('Not ready: temporal (unreachable)');

      const live = await h.app.inject({ url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json().status).toBe('alive');
    } finally {
      // The harness's Temporal connection is closed already, so its close stops there: close the database too.
      await h.close().catch(() => undefined);
      await h.orm.close();
    }
  });

  it('names every part that is down, gives up on a hanging probe, and keeps causes out of the answer', async () => {
    const orm = await createOrm('postgres://nobody:not-this-password@127.0.0.1:9/none');
    const logged: string[] = [];
    try {
      const started = Date.now();
      const error = await checkReadiness(
        { orm, health: { temporal: () => new Promise(() => undefined) } },
        { timeoutMs: 300, onProbeError: (check) => logged.push(check) },
      ).catch((thrown: unknown) => thrown);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).extensions).toEqual({ down: 'database,temporal,migrations' });
      expect((error as AppError).message).toBe(
        'Not ready: database (unreachable), temporal (unreachable), migrations (unreachable)',
      );
      expect((error as AppError).message).not.toContain('not-this-password');
      expect(logged.sort()).toEqual(['database', 'migrations', 'temporal']);
    } finally {
      await orm.close();
    }
  });
});
