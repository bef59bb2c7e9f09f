import { deliveryRuns } from './delivery-runs';
import type { InboxDelivery } from './inbox-event';

const start = { callSid: 'CA1', tenantId: 't', botId: 'b', from: '+431', to: '+432', startedAt: 'now' };
const event = (status: string) => ({ status, durationSeconds: null, at: 'now' });
const signal = (status: string): InboxDelivery => ({ kind: 'signal', start, event: event(status) });
const ifMetered = (status: string): InboxDelivery => ({
  kind: 'signalIfMetered',
  callSid: 'CA1',
  event: event(status),
});
const stripe = (id: string) => ({ kind: 'stripe', event: { id } }) as unknown as InboxDelivery;
const rows = (...payloads: InboxDelivery[]) => payloads.map((payload, n) => ({ id: String(n), payload }));
const ids = (runs: { id: string }[][]) => runs.map((run) => run.map((row) => row.id).join(''));

describe('delivery runs', () => {
  it('hands a call’s consecutive events of one kind over together, keeping the received order', () => {
    expect(ids(deliveryRuns(rows(signal('ringing'), signal('in-progress'), signal('completed'))))).toEqual(['012']);
  });

  it('starts a new run where the kind changes, so a refused call’s events never start a workflow', () => {
    const runs = deliveryRuns(rows(signal('ringing'), ifMetered('in-progress'), ifMetered('completed'), signal('x')));
    expect(ids(runs)).toEqual(['0', '12', '3']);
  });

  it('delivers every other payload on its own', () => {
    expect(ids(deliveryRuns(rows(stripe('evt_1'), stripe('evt_2'))))).toEqual(['0', '1']);
    expect(deliveryRuns([])).toEqual([]);
  });
});
