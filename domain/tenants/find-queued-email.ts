import { EmailOutbox } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/** An outbox row the API queued, for the worker to deliver; null when it is gone. */
export async function findQueuedEmail(
  deps: { orm: Orm },
  { actor, outboxId }: { actor: SystemActor; outboxId: string },
): Promise<EmailOutbox | null> {
  return inScope(deps.orm, actor, (em) => em.findOne(EmailOutbox, { id: outboxId }));
}
