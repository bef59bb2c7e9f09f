/** What a load driver puts calls on: the platform through the simulator's webhooks, or the raw floor. */
export interface LoadTarget {
  /** Places call `n` and resolves once each of its webhooks (or signals) was acknowledged, with their latencies. */
  place(n: number, durationSeconds: number): Promise<{ acks: number[]; failed: number }>;
  /** Calls whose metering has finished (outcome recorded) since this target was made. */
  metered(): Promise<number>;
}

/** The same spread of call durations for every run: 0–599 s. */
export const callDuration = (n: number): number => (n * 37) % 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DRAIN_LIMIT_MS = 5 * 60_000;

async function waitForMetered(target: LoadTarget, count: number, since: number): Promise<number> {
  let finished = await target.metered();
  while (finished < count && Date.now() - since < DRAIN_LIMIT_MS) {
    await sleep(100);
    finished = await target.metered();
  }
  return finished;
}

const settle = (target: LoadTarget, n: number) =>
  target.place(n, callDuration(n)).catch(() => ({ acks: [] as number[], failed: 1 }));

function collect(results: { acks: number[]; failed: number }[]) {
  return {
    acks: results.flatMap((result) => result.acks).sort((a, b) => a - b),
    failed: results.reduce((sum, result) => sum + result.failed, 0),
  };
}

/** Closed burst: `calls` calls placed at once; throughput is metered calls over the time until the last one. */
export async function closedLoop(target: LoadTarget, calls: number) {
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: calls }, (_, n) => settle(target, n)));
  const finished = await waitForMetered(target, calls, started);
  const elapsedS = (Date.now() - started) / 1000;
  return { ...collect(results), calls, finished, elapsedS, callsPerS: finished / elapsedS };
}

/**
 * Open loop: calls arrive at `rate` per second for `seconds`, on schedule whatever the answers (a late tick
 * catches up). Backlog = calls started but not yet metered, sampled every 250 ms; reported at the end of the
 * arrival window and at its peak. Then waits for the backlog to drain (at most five minutes).
 */
export async function openLoop(target: LoadTarget, rate: number, seconds: number) {
  const pending: Promise<{ acks: number[]; failed: number }>[] = [];
  const started = Date.now();
  const windowMs = seconds * 1000;
  let peak = 0;
  let arrivalsDone = false;
  const sampleBacklog = async () => {
    const sent = pending.length;
    const metered = await target.metered();
    const backlog = Math.max(0, sent - metered);
    peak = Math.max(peak, backlog);
    return { backlog, metered };
  };
  const sampler = (async () => {
    while (!arrivalsDone) {
      await sampleBacklog();
      await sleep(250);
    }
  })();
  for (;;) {
    const elapsed = Date.now() - started;
    const due = Math.min(Math.floor((elapsed / 1000) * rate) + 1, Math.round(rate * seconds));
    while (pending.length < due) pending.push(settle(target, pending.length));
    if (elapsed >= windowMs) break;
    await sleep(Math.min(20, 1000 / rate));
  }
  arrivalsDone = true;
  const { backlog: backlogEnd, metered: meteredInWindow } = await sampleBacklog();
  await sampler;
  const results = await Promise.all(pending);
  const finished = await waitForMetered(target, pending.length, started);
  const drainS = (Date.now() - started - windowMs) / 1000;
  return {
    ...collect(results),
    calls: pending.length,
    finished,
    arrivalRate: pending.length / seconds,
    meteredPerS: meteredInWindow / seconds,
    backlogEnd,
    backlogPeak: peak,
    drainS,
  };
}
