import { DEFAULT_RELAY_POLICY, type RelayPolicy } from './relay-policy';
import { relayRound, type RelayDeps } from './relay-round';

export interface InboxRelay {
  /** A row was just written: run a round now instead of at the next poll. */
  wake(): void;
  /** Finishes the round under way and stops; undelivered rows stay pending for the next start. */
  stop(): Promise<void>;
}

/**
 * Runs relay rounds until stopped: at once after a wake, again straight away while rounds find work, and every
 * `pollMs` otherwise (which is how rows a killed process left behind are picked up after a restart).
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

  const run = async () => {
    while (!stopped) {
      woken = false;
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
