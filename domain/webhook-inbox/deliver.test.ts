import type { Orm } from '../../db/orm';
import type { CallWorkflows } from '../telephony/call-port';
import type { CallStatusEvent } from '../telephony/call-status';
import { deliverInboxRun } from './deliver';
import type { InboxDelivery } from './inbox-event';

const start = { callSid: 'CA1', tenantId: 't', botId: 'b', from: '+431', to: '+432', startedAt: 'now' };
const event = (status: string): CallStatusEvent => ({ status, durationSeconds: null, at: 'now' });
const signal = (status: string): InboxDelivery => ({ kind: 'signal', start, event: event(status) });
const ifMetered = (status: string): InboxDelivery => ({
  kind: 'signalIfMetered',
  callSid: 'CA1',
  event: event(status),
});
const stripe = (id: string) => ({ kind: 'stripe', event: { id, type: 'invoice.paid' } }) as unknown as InboxDelivery;
const conversation = {
  kind: 'conversation',
  start: { tenantId: 't', conversationId: 'conv_1', agentId: 'agent_1' },
  event: { type: 'post_call_transcription' },
} as unknown as InboxDelivery;

/** A database that fails any use: the refusals below must come before anything is applied. */
const untouchable = new Proxy({} as Orm, {
  get(_target, property) {
    throw new Error(`the database was used (${String(property)})`);
  },
});

/** Call workflows that record what they were handed; `metered` says whether a metered call is running. */
function callWorkflows(metered: boolean) {
  const handed: Array<{ to: string; statuses: string[] }> = [];
  const calls: CallWorkflows = {
    async signalStatus(_start, events) {
      handed.push({ to: 'signal', statuses: events.map((e) => e.status) });
    },
    async signalStatusIfMetered(_callSid, events) {
      handed.push({ to: 'ifMetered', statuses: events.map((e) => e.status) });
      return metered;
    },
    async reportCounters() {
      return false;
    },
  };
  return { calls, handed };
}

describe('delivering one run of inbox payloads', () => {
  it('refuses a run that mixes kinds or holds more than one payload that is not a call event', async () => {
    const { calls, handed } = callWorkflows(true);
    await expect(
      deliverInboxRun({ calls, orm: untouchable }, [signal('ringing'), ifMetered('completed')], 't'),
    ).rejects.toThrow('A delivery run holds more than one signal payload or mixes kinds');
    await expect(deliverInboxRun({ calls, orm: untouchable }, [stripe('evt_1'), stripe('evt_2')], 't')).rejects.toThrow(
      'A delivery run holds more than one stripe payload or mixes kinds',
    );
    expect(handed).toEqual([]);
  });

  it('fails a conversation event on a relay without conversations, so it stays in the inbox to retry', async () => {
    const { calls } = callWorkflows(true);
    await expect(deliverInboxRun({ calls, orm: untouchable }, [conversation], 't')).rejects.toThrow(
      'Conversation conv_1 reached a relay without conversations',
    );
  });

  it('fails a Stripe event without a tenant, or on a relay without dunning, before applying anything', async () => {
    const { calls } = callWorkflows(true);
    const dunning = { workflows: {} as never, publicBaseUrl: 'http://localhost:3000' };
    await expect(deliverInboxRun({ calls, orm: untouchable, dunning }, [stripe('evt_1')], null)).rejects.toThrow(
      'Stripe event evt_1 has no tenant',
    );
    await expect(deliverInboxRun({ calls, orm: untouchable }, [stripe('evt_2')], 't')).rejects.toThrow(
      'Stripe event evt_2 reached a relay without dunning',
    );
  });

  it('reaches no workflow with a refused call’s statuses when that call is not being metered', async () => {
    const unmetered = callWorkflows(false);
    const run = [ifMetered('in-progress'), ifMetered('completed')];
    await expect(deliverInboxRun({ calls: unmetered.calls, orm: untouchable }, run, 't')).resolves.toBeNull();
    expect(unmetered.handed).toEqual([{ to: 'ifMetered', statuses: ['in-progress', 'completed'] }]);

    const metered = callWorkflows(true);
    await expect(deliverInboxRun({ calls: metered.calls, orm: untouchable }, run, 't')).resolves.toBe('call-CA1');
  });
});
