import type { Orm } from '../../db/orm';
import { inScope, type ScopedEm } from '../../db/scope';
import type { DunningHandOff } from '../billing/hand-payment-to-dunning';
import type { ConversationWorkflows } from '../conversations/conversation-port';
import type { CallWorkflows } from '../telephony/call-port';
import { deliverInboxRun } from './deliver';
import { deliveryRuns } from './delivery-runs';
import type { InboxDelivery } from './inbox-event';
import { backoffMs, type RelayPolicy } from './relay-policy';

export interface RelayDeps {
  orm: Orm;
  calls: CallWorkflows;
  /** Stripe events go on to dunning (decision 011); a relay for call events only may leave it out. */
  dunning?: DunningHandOff;
  /** ElevenLabs post-call events go to their conversation's workflow (decision 013). */
  conversations?: ConversationWorkflows;
  relayGroup: string;
}

interface PendingRow {
  id: string;
  subject_key: string;
  tenant_id: string | null;
  payload: InboxDelivery;
  attempts: number;
}

/**
 * One relay round: claims the subjects whose oldest pending row is due (`for update skip locked`, so relays of
 * other processes take other subjects, and a killed process's locks vanish with its connection), delivers each
 * subject's pending rows in received order, and records every attempt. A failure stops that subject until its
 * backoff has passed, so later events never overtake it. Returns how many rows it attempted.
 */
export async function relayRound(deps: RelayDeps, policy: RelayPolicy): Promise<number> {
  return inScope(deps.orm, { system: 'webhook-relay' }, async (em) => {
    const heads = await em.execute<{ subject_key: string }[]>(
      `select w.subject_key from webhook_events w
        where w.relay_group = ? and w.status = 'pending' and w.next_attempt_at <= now()
          and not exists (select 1 from webhook_events e
                           where e.subject_key = w.subject_key and e.status = 'pending' and e.seq < w.seq)
        order by w.seq
        limit ?
        for update skip locked`,
      [deps.relayGroup, policy.batchSize],
    );
    if (heads.length === 0) return 0;
    const subjects = heads.map((head) => head.subject_key);
    const rows = await em.execute<PendingRow[]>(
      `select id, subject_key, tenant_id, payload, attempts from webhook_events
        where status = 'pending' and subject_key in (${subjects.map(() => '?').join(', ')})
        order by seq
        for update`,
      subjects,
    );
    const bySubject = new Map<string, PendingRow[]>();
    for (const row of rows) {
      const queue = bySubject.get(row.subject_key);
      if (queue) queue.push(row);
      else bySubject.set(row.subject_key, [row]);
    }
    const outcomes = await Promise.all([...bySubject.values()].map((queue) => deliverInOrder(em, deps, policy, queue)));
    const delivered = outcomes.flatMap((outcome) => outcome.delivered);
    if (delivered.length > 0) {
      await em.execute(
        `update webhook_events w set status = 'delivered', delivered_at = now(), attempts = w.attempts + 1,
                workflow_id = d.workflow_id
           from jsonb_to_recordset(?::jsonb) as d(id uuid, workflow_id text)
          where w.id = d.id`,
        [JSON.stringify(delivered)],
      );
    }
    return outcomes.reduce((sum, outcome) => sum + outcome.attempted, 0);
  });
}

/**
 * Delivers one subject's rows in order. A failure is recorded at once and stops the subject unless the row is
 * given up; deliveries are returned, and the round marks them all in one statement (its transaction holds the
 * rows either way, so a crash before the commit redelivers them, which delivery tolerates).
 */
async function deliverInOrder(em: ScopedEm, deps: RelayDeps, policy: RelayPolicy, queue: PendingRow[]) {
  const delivered: { id: string; workflow_id: string | null }[] = [];
  let attempted = 0;
  for (const run of deliveryRuns(queue)) {
    attempted += run.length;
    const row = run[0]!;
    try {
      const workflowId = await withTimeout(
        deliverInboxRun(
          deps,
          run.map((next) => next.payload),
          row.tenant_id,
        ),
        policy.deliveryTimeoutMs,
      );
      delivered.push(...run.map((next) => ({ id: next.id, workflow_id: workflowId })));
    } catch (error) {
      // The run's first row carries the attempt; the rest wait behind it, as later rows always do.
      const attempts = row.attempts + 1;
      await em.execute(
        `update webhook_events set attempts = ?, last_error = ?, status = ?,
                next_attempt_at = now() + make_interval(secs => ?) where id = ?`,
        [
          attempts,
          (error instanceof Error ? error.message : String(error)).slice(0, 2000),
          attempts >= policy.maxAttempts ? 'failed' : 'pending',
          backoffMs(policy, attempts) / 1000,
          row.id,
        ],
      );
      // Later events of this subject wait for this one (or for it to be given up as failed).
      if (attempts < policy.maxAttempts) break;
    }
  }
  return { attempted, delivered };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`delivery did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
