import { Bot, CallLog, UsageEvent } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Harness } from '../support/harness';

/** Every usage event of one call, by kind. */
export async function usageOfCall(h: Harness, callSid: string): Promise<Record<string, number[]>> {
  const events = await inScope(h.orm, { system: 'test' }, (em) =>
    em.find(UsageEvent, { callSid }, { orderBy: { kind: 'asc' } }),
  );
  const byKind: Record<string, number[]> = {};
  for (const event of events) (byKind[event.kind] ??= []).push(Number(event.quantity));
  return byKind;
}

/** Waits until the call's workflow has finished and returns its result. */
export async function callResult(h: Harness, callSid: string): Promise<{ status: string; minutes: number }> {
  const handle = h.client.workflow.getHandle(`call-${callSid}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await handle.result();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const callLog = (h: Harness, callSid: string) =>
  inScope(h.orm, { system: 'test' }, (em) => em.findOne(CallLog, { provider: 'twilio', externalCallId: callSid }));

/** Any ready bot of the tenant (its id), for tests that start a call workflow directly. */
export const callLogBot = async (h: Harness, tenantId: string) =>
  (await inScope(h.orm, { system: 'test' }, (em) => em.findOne(Bot, { tenantId, status: 'ready' })))?.id;
