import { execFileSync } from 'node:child_process';
import net from 'node:net';

export interface PlannedPort {
  port: number;
  /** The variable that moves it, e.g. API_PORT. */
  variable: string;
  service: string;
}

/** Whether something accepts or holds `port` on loopback: a test bind, the way the service itself would bind. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The process listening on `port` as `ss` reports it (e.g. `node (pid 4242)`), when it can tell. */
export function portHolder(port: number): string | null {
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8', timeout: 2_000 }).trim();
    const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(line);
    return match ? `${match[1]} (pid ${match[2]})` : line ? 'another process' : null;
  } catch {
    return null;
  }
}

/** One line per planned port that is taken, naming the service, the variable that moves it and the holder. */
export async function portConflicts(planned: PlannedPort[]): Promise<string[]> {
  const conflicts: string[] = [];
  for (const { port, variable, service } of planned) {
    if (await isFree(port)) continue;
    const holder = portHolder(port);
    conflicts.push(
      `port ${port} for ${service} is in use${holder ? ` by ${holder}` : ''}: stop it, or set ${variable} in .env`,
    );
  }
  return conflicts;
}
