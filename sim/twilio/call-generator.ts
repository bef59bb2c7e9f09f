import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { SIMULATOR_AUTH_TOKEN } from './credentials';
import { recordCall, type TwilioCall, type TwilioNumber, type TwilioState } from './state';

export interface CallPlan {
  to: string;
  from: string;
  durationSeconds: number;
  finalStatus: 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';
  /** Origin the webhooks are delivered to instead of the configured one (the signature still covers the configured URL). */
  deliverTo?: string;
  duplicates: boolean;
  reorder: boolean;
  drop: string[];
  /** Keep the call in progress until `hangUp` is called. */
  hold: boolean;
}

export interface Delivery {
  kind: 'voice' | 'status';
  status: string;
  httpStatus: number;
  ms: number;
  body?: string;
}

/** Places simulated inbound calls: signed voice webhook, then status callbacks, with realistic CallDuration. */
export function createCallGenerator(twilioState: () => TwilioState) {
  const held = new Map<string, { call: TwilioCall; number: TwilioNumber; plan: CallPlan }>();

  async function deliver(
    url: string,
    plan: CallPlan,
    params: Record<string, string>,
    kind: Delivery['kind'],
  ): Promise<Delivery> {
    const target = plan.deliverTo
      ? new URL(new URL(url).pathname + new URL(url).search, plan.deliverTo).toString()
      : url;
    const started = performance.now();
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': getExpectedTwilioSignature(SIMULATOR_AUTH_TOKEN, url, params),
          'i-twilio-idempotency-token': `${params.CallSid}-${params.CallStatus}`,
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await response.text();
      return {
        kind,
        status: params.CallStatus!,
        httpStatus: response.status,
        ms: performance.now() - started,
        ...(kind === 'voice' ? { body } : {}),
      };
    } catch {
      return { kind, status: params.CallStatus!, httpStatus: 0, ms: performance.now() - started };
    }
  }

  const baseParams = (call: TwilioCall, status: string): Record<string, string> => ({
    AccountSid: call.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.sid,
    CallStatus: status,
    Direction: 'inbound',
    From: call.from,
    To: call.to,
    Timestamp: new Date().toUTCString(),
  });

  async function sendStatuses(
    entry: { call: TwilioCall; number: TwilioNumber; plan: CallPlan },
    statuses: string[],
  ): Promise<Delivery[]> {
    const { call, number, plan } = entry;
    if (!number.statusCallback) return [];
    let sequence = statuses.filter((status) => !plan.drop.includes(status));
    if (plan.reorder) sequence = [...sequence].reverse();
    if (plan.duplicates) sequence = sequence.flatMap((status) => [status, status]);
    const deliveries: Delivery[] = [];
    for (const status of sequence) {
      const params = baseParams(call, status);
      if (status === plan.finalStatus) params.CallDuration = String(call.durationSeconds ?? 0);
      deliveries.push(await deliver(number.statusCallback, plan, params, 'status'));
    }
    return deliveries;
  }

  function finish(entry: { call: TwilioCall; plan: CallPlan }): void {
    entry.call.status = entry.plan.finalStatus;
    entry.call.durationSeconds = entry.plan.finalStatus === 'completed' ? entry.plan.durationSeconds : 0;
    entry.call.endTime = new Date();
    entry.call.dateUpdated = new Date();
  }

  return {
    async place(plan: CallPlan): Promise<{ callSid: string; deliveries: Delivery[] } | { error: string }> {
      const state = twilioState();
      const number = [...state.numbers.values()].find((candidate) => candidate.phoneNumber === plan.to);
      if (!number?.voiceUrl) return { error: `No simulated number ${plan.to} with a voice URL` };
      const call = recordCall(state, {
        accountSid: number.accountSid,
        to: plan.to,
        from: plan.from,
        status: 'ringing',
        phoneNumberSid: number.sid,
        startTime: new Date(),
      });
      const entry = { call, number, plan };
      const deliveries = [await deliver(number.voiceUrl, plan, baseParams(call, 'ringing'), 'voice')];
      call.status = 'in-progress';
      if (plan.hold) {
        held.set(call.sid, entry);
        deliveries.push(...(await sendStatuses(entry, ['ringing', 'in-progress'])));
        return { callSid: call.sid, deliveries };
      }
      // Twilio knows the outcome even when its callback gets lost: reconciliation reads it from the call resource.
      finish(entry);
      deliveries.push(...(await sendStatuses(entry, ['ringing', 'in-progress', plan.finalStatus])));
      return { callSid: call.sid, deliveries };
    },

    async hangUp(callSid: string): Promise<Delivery[] | null> {
      const entry = held.get(callSid);
      if (!entry) return null;
      held.delete(callSid);
      finish(entry);
      return sendStatuses(entry, [entry.plan.finalStatus]);
    },
  };
}

export type CallGenerator = ReturnType<typeof createCallGenerator>;
