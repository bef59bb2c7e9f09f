import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';

export interface DatabaseActivity {
  transactions: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** Rows read by sequential scans, per table. */
  seqRead: Map<string, number>;
}

/**
 * The database's cumulative counters (pg_stat_database, pg_stat_user_tables). Backends report them when idle, at
 * most every second and at the latest ten seconds later, so a reading right after a burst may lag a little.
 */
export async function databaseActivity(orm: Orm): Promise<DatabaseActivity> {
  return inScope(orm, { system: 'bench-invoices' }, async (em) => {
    const [db] = await em.execute<{ xacts: string; ins: string; upd: string; del: string }[]>(
      `select xact_commit + xact_rollback as xacts, tup_inserted as ins, tup_updated as upd, tup_deleted as del
         from pg_stat_database where datname = current_database()`,
    );
    const tables = await em.execute<{ relname: string; seq_tup_read: string }[]>(
      `select relname, seq_tup_read from pg_stat_user_tables`,
    );
    return {
      transactions: Number(db!.xacts),
      inserted: Number(db!.ins),
      updated: Number(db!.upd),
      deleted: Number(db!.del),
      seqRead: new Map(tables.map((table) => [table.relname, Number(table.seq_tup_read)])),
    };
  });
}

/** What happened between two readings; sequential reads as the tables that read most, largest first. */
export function activityBetween(before: DatabaseActivity, after: DatabaseActivity) {
  const seqRead = [...after.seqRead]
    .map(([table, rows]) => ({ table, rows: rows - (before.seqRead.get(table) ?? 0) }))
    .filter((entry) => entry.rows > 0)
    .sort((a, b) => b.rows - a.rows);
  return {
    transactions: after.transactions - before.transactions,
    inserted: after.inserted - before.inserted,
    updated: after.updated - before.updated,
    deleted: after.deleted - before.deleted,
    seqRead,
  };
}
