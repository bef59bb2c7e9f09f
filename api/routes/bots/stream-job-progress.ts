import type { FastifyReply, FastifyRequest } from 'fastify';
import { getBotProvisioning } from '../../../domain/bots/get-bot-provisioning';
import { findSessionActor } from '../../../domain/auth/authenticate';
import { isTerminal } from '../../../domain/provisioning/step-progress';
import { inScope } from '../../../db/scope';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';

const POLL_MS = 400;
const KEEPALIVE_MS = 15_000;
/** How often the stream re-checks that its session may still be held (one query, not one per poll). */
const SESSION_CHECK_MS = 2_000;

/**
 * Server-Sent Events of a bot's latest job: one `progress` event now and after every change, `end` once the job
 * finished. It reads the job row the workflow mirrors each transition into, so any API instance can serve it.
 */
export async function streamJobProgress(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, botId: string) {
  const actor = actorOf(request);
  const first = await getBotProvisioning(deps, { actor, botId });
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  let last = JSON.stringify(first);
  send('progress', first);
  let lastWrite = Date.now();
  let job = first;
  let sessionCheckedAt = Date.now();
  let unauthorized = false;
  while (!closed && !(isTerminal(job.status) && job.status !== 'queued')) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    // A session ended meanwhile (user deactivated, tenant suspended) ends the stream too.
    if (Date.now() - sessionCheckedAt >= SESSION_CHECK_MS) {
      sessionCheckedAt = Date.now();
      const still = await inScope(deps.orm, { system: 'sse-session' }, (em) => findSessionActor(em, actor.userId));
      if (!still) {
        unauthorized = true;
        break;
      }
    }
    job = await getBotProvisioning(deps, { actor, botId }).catch(() => job);
    const serialized = JSON.stringify(job);
    if (serialized !== last) {
      last = serialized;
      send('progress', job);
      lastWrite = Date.now();
    } else if (Date.now() - lastWrite > KEEPALIVE_MS) {
      out.write(': keep-alive\n\n');
      lastWrite = Date.now();
    }
  }
  if (!closed) send('end', { status: unauthorized ? 'unauthorized' : job.status });
  out.end();
}
