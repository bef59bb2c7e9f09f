import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { Bot, CallLog, UsageEvent } from '../../db/entities';
import { inScope } from '../../db/scope';
import { createBotVia, finishedJob } from '../provisioning/provisioning-support';
import { makeWorld } from '../support/factories';
import { TEST_WEBHOOK_BASE, type Harness } from '../support/harness';

/**
 * A world (verified tenant and a user of every role) with one bot provisioned through the simulator; returns the
 * world, the bot, its provisioning job, the number it answers and its Heroku app.
 */
export async function worldWithReadyBot(h: Harness) {
  const world = await makeWorld(h.orm, h.app);
  const { bot } = await createBotVia(h, world.headers.platform_admin, world.tenant.id);
  const job = await finishedJob(h, world.headers.platform_admin, bot.id);
  const { phoneNumber, herokuAppName } = (
    await h.app.inject({ url: `/api/bots/${bot.id}`, headers: world.headers.platform_admin })
  ).json<{ phoneNumber: string; herokuAppName: string }>();
  return { world, botId: bot.id, job, phoneNumber, herokuAppName };
}

/** The headers of a Twilio form webhook to `url`, signed as the simulator signs it. */
export const signedTwilioHeaders = (url: string, body: Record<string, string>) => ({
  'content-type': 'application/x-www-form-urlencoded',
  'x-twilio-signature': getExpectedTwilioSignature('simulator', `${TEST_WEBHOOK_BASE}${url}`, body),
});

/** A Twilio form webhook to `url` on the harness's app, signed as the simulator signs it. */
export const postSignedTwilio = (h: Harness, url: string, body: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: signedTwilioHeaders(url, body),
    payload: new URLSearchParams(body).toString(),
  });

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
