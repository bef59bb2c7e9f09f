import { pruneDeliveredEvents } from './prune-delivered-events';
import { DEFAULT_RELAY_POLICY, PRUNE_BATCH, type RelayPolicy } from './relay-policy';
import { relayRound, type RelayDeps } from './relay-round';

export interface InboxRelay {
  /** A row was just written: run a round now instead of at the next poll. */
  wake(): void;
  /** Finishes the round under way and stops; undelivered rows stay pending for the next start. */
  stop(): Promise<void>;
}

/**
 * Runs relay rounds until stopped: at once after a wake, again straight away while rounds find work, and every
 * `pollMs` otherwise (which is how rows a killed process left behind are picked up after a restart). Every
 * `pruneEveryMs` (and at start) it also deletes delivered rows past retention.
 */
export function startInboxRelay(
  deps: RelayDeps & { onError?: (error: unknown) => void },
  policy: Partial<RelayPolicy> = {},
): InboxRelay {
  const settings = { ...DEFAULT_RELAY_POLICY, ...policy };
  let stopped = false;
  let woken = false;
  let interrupt: (() => void) | null = null;

  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, settings.pollMs);
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
      interrupt = done;
    });

  let prunedAt = Number.NEGATIVE_INFINITY;
  const pruneWhenDue = async () => {
    if (Date.now() - prunedAt < settings.pruneEveryMs) return;
    prunedAt = Date.now();
    const olderThan = new Date(prunedAt - settings.retentionMs);
    while (!stopped && (await pruneDeliveredEvents(deps, { olderThan, limit: PRUNE_BATCH })) === PRUNE_BATCH);
  };

  const run = async () => {
    while (!stopped) {
      woken = false;
      await pruneWhenDue().catch((error: unknown) => deps.onError?.(error));
      let attempted = 0;
      try {
        attempted = await relayRound(deps, settings);
      } catch (error) {
        deps.onError?.(error);
      }
      if (attempted === 0) await pause();
    }
  };
  const running = run();

  return {
    wake() {
      woken = true;
      interrupt?.();
    },
    async stop() {
      stopped = true;
      interrupt?.();
      await running;
    },
  };
}
