import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const INSPECTOR = 'http://127.0.0.1:9229';

/**
 * Profiles the main thread of a running Node process without restarting it: SIGUSR1 opens its inspector on the
 * default port, and the DevTools protocol starts and stops the sampling profiler. `expect` must occur in the
 * inspected script's URL, so another process on that port is never profiled by mistake.
 */
export async function startCpuProfile(
  pid: number,
  expect: string,
): Promise<{ stop(file: string): Promise<CpuProfile> }> {
  process.kill(pid, 'SIGUSR1');
  let target: { url: string; webSocketDebuggerUrl: string } | undefined;
  for (let attempt = 0; attempt < 50 && !target; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const targets = await fetch(`${INSPECTOR}/json/list`)
      .then((response) => response.json() as Promise<{ url: string; webSocketDebuggerUrl: string }[]>)
      .catch(() => []);
    target = targets.find((candidate) => candidate.url.includes(expect));
  }
  if (!target) throw new Error(`no inspector for ${expect} on ${INSPECTOR} (is the port taken?)`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: unknown };
    if (data.id !== undefined) pending.get(data.id)?.(data.result);
  };
  let nextId = 0;
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id: nextId, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await send<{ profile: CpuProfile }>('Profiler.stop');
      socket.close();
      await writeFile(file, JSON.stringify(profile));
      return profile;
    },
  };
}

const REPOSITORY = `${pathToFileURL(process.cwd()).href}/`;

/** Where a frame's code comes from: an npm package, a folder of this repository, Node itself or V8. */
function origin(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'native'})`;
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [scope, name] = url.slice(at + 'node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return 'node internals';
  return url.startsWith(REPOSITORY) ? `${url.slice(REPOSITORY.length).split('/')[0]}/` : url;
}

/** Self time of the profile by origin, largest first, in ms and as a share of the whole. */
export function selfTimeByOrigin(profile: CpuProfile): { origin: string; ms: number; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const name = origin(byNode.get(id)!);
    totals.set(name, (totals.get(name) ?? 0) + micros);
    all += micros;
  });
  return [...totals]
    .map(([name, micros]) => ({ origin: name, ms: micros / 1000, share: micros / all }))
    .sort((a, b) => b.ms - a.ms);
}
