import type { CallStart, CallStatusEvent } from './call-status';

/** How webhooks and usage reports reach the per-call workflow without knowing about Temporal. */
export interface CallWorkflows {
  /**
   * Starts the call's workflow if needed and delivers the statuses, in order, in one message (the inbox hands
   * over every event of a call that waited for the relay at once); safe to repeat.
   */
  signalStatus(start: CallStart, events: CallStatusEvent[]): Promise<void>;
  /** Delivers the statuses only to a call already being metered; false when there is none. */
  signalStatusIfMetered(callSid: string, events: CallStatusEvent[]): Promise<boolean>;
  /** Delivers counters to a running call; false when its workflow has already finished. */
  reportCounters(callSid: string, reports: { reportId: string; kind: string; quantity: number }[]): Promise<boolean>;
}
