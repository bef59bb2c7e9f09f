import { setTimeout as sleep } from 'node:timers/promises';
import { inScope } from '../../../db/scope';
import type { FuzzWorld } from './fuzz-world';

/** Row count and a hash of every row's text, per table of the private schema. */
export type TableSnapshot = Record<string, { rows: number; hash: string }>;

export interface StateSnapshot {
  tables: TableSnapshot;
  /** Workflows ever started on the world's task queue (no worker runs them, so none ever leaves), as `type id`. */
  workflows: string[];
}

/** Temporal's visibility store trails a start by a moment; a list taken at once could miss the last one. */
const VISIBILITY_LAG_MS = 1_500;

/** Every table, read past row-level security: cheap enough to take around each operation's requests. */
export async function snapshotTables(world: FuzzWorld): Promise<TableSnapshot> {
  return inScope(world.h.orm, { system: 'malformed-input state check' }, async (em) => {
    const names = await em.execute<{ name: string }[]>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    );
    const tables: TableSnapshot = {};
    for (const { name } of names) {
      const [row] = await em.execute<{ rows: number; hash: string }[]>(
        `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as hash
           from "${name}" t`,
      );
      tables[name] = row!;
    }
    return tables;
  });
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: TableSnapshot, after: TableSnapshot): string[] =>
  Object.keys({ ...before, ...after }).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));

/** Everything a request could have changed: all tables and the workflows started. */
export async function snapshotState(world: FuzzWorld): Promise<StateSnapshot> {
  const tables = await snapshotTables(world);
  await sleep(VISIBILITY_LAG_MS);
  const workflows: string[] = [];
  for await (const run of world.h.client.workflow.list({ query: `TaskQueue = "${world.h.target.taskQueue}"` })) {
    workflows.push(`${run.type} ${run.workflowId}`);
  }
  return { tables, workflows: workflows.sort() };
}
