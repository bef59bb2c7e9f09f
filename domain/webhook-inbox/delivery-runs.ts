import type { InboxDelivery } from './inbox-event';

type CallEventDelivery = Extract<InboxDelivery, { kind: 'signal' | 'signalIfMetered' }>;
export const isCallEvent = (delivery: InboxDelivery): delivery is CallEventDelivery =>
  delivery.kind === 'signal' || delivery.kind === 'signalIfMetered';

/**
 * Splits one subject's pending rows (in received order) into what is delivered together: consecutive call events
 * of the same kind form one run, handed to the call's workflow in one signal; every other row is a run of its
 * own. Under a backlog a call's four callbacks then cost Temporal one signal instead of four, and the order
 * within and across runs is the order received.
 */
export function deliveryRuns<Row extends { payload: InboxDelivery }>(rows: Row[]): Row[][] {
  const runs: Row[][] = [];
  for (const row of rows) {
    const current = runs.at(-1);
    const previous = current?.at(-1);
    if (current && previous && isCallEvent(row.payload) && previous.payload.kind === row.payload.kind) {
      current.push(row);
    } else {
      runs.push([row]);
    }
  }
  return runs;
}
