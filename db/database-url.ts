import path from 'node:path';
import type { Env } from '../config/env';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded PostgreSQL in the data folder, started for the caller. */
export async function provideDatabase(env: Env, onLog?: (line: string) => void): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({
    dataDir: path.join(env.DATA_DIR, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    onLog,
  });
  return { ...db, embedded: true };
}
