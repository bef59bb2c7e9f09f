import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from './harness';

export interface PrivateSchema {
  name: string;
  /** Points new connections back where they went before, and drops the schema with everything in it. */
  drop(): Promise<void>;
}

/**
 * An empty schema of its own in the test database, for a suite that rewrites whole tables other suites read.
 * Every connection this test process opens from now on lands in it: node-postgres reads PGOPTIONS (search_path)
 * per connection. Migrate it with `orm.migrator.up({ schema: name })`: the migrator keeps its own table in
 * `public` unless told the schema.
 */
export async function openPrivateSchema(prefix: string): Promise<PrivateSchema> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  const previousOptions = process.env.PGOPTIONS;
  process.env.PGOPTIONS = `-c search_path=${name}`;
  return {
    name,
    async drop() {
      if (previousOptions === undefined) delete process.env.PGOPTIONS;
      else process.env.PGOPTIONS = previousOptions;
      await admin.query(`drop schema if exists ${name} cascade`);
      await admin.end();
    },
  };
}
