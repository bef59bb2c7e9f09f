import { listenForNotifications, type Subscription } from '../../db/notifications';
import { INBOX_CHANNEL } from './inbox-channel';
import { pruneDeliveredEvents } from './prune-delivered-events';
import { DEFAULT_RELAY_POLICY, PRUNE_BATCH, type RelayPolicy } from './relay-policy';
import { relayRound, type RelayDeps } from './relay-round';

export interface InboxRelay {
  /** Resolves once the relay listens for new rows (at once without a database URL to listen on). */
  ready: Promise<void>;
  /** A row was just written: run a round now instead of at the next poll. */
  wake(): void;
  /** Finishes the round under way and stops; undelivered rows stay pending for the next start. */
  stop(): Promise<void>;
}

/**
 * Runs relay rounds until stopped: at once after a wake, again straight away while rounds find work, and every
 * `pollMs` otherwise (which is how rows a killed process left behind are picked up after a restart). With
 * `listenUrl` it wakes on the NOTIFY every inbox write sends for its relay group, so the relay may run in another
 * process than the API that wrote the row. Every `pruneEveryMs` (and at start) it also deletes delivered rows
 * past retention.
 */
export function startInboxRelay(
  deps: RelayDeps & { listenUrl?: string; onError?: (error: unknown) => void },
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
  const wake = () => {
    woken = true;
    interrupt?.();
  };
  let subscription: Subscription | null = null;
  const ready = deps.listenUrl
    ? listenForNotifications(deps.listenUrl, INBOX_CHANNEL, (group) => group === deps.relayGroup && wake(), {
        onError: deps.onError,
      }).then((listening) => {
        subscription = listening;
      })
    : Promise.resolve();

  return {
    ready,
    wake,
    async stop() {
      stopped = true;
      interrupt?.();
      await ready.catch(() => undefined);
      await subscription?.close();
      await running;
    },
  };
}
