import type { EmailStatus } from '../../contracts/outbox-status';
import { EmailOutbox } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';

/**
 * Records what the mailer did with a queued mail (`sent` only when a transport accepted it). Only a row still
 * queued changes, so a second delivery attempt cannot overwrite the first one's outcome.
 */
export async function recordMailOutcome(
  deps: { orm: Orm },
  { actor, outboxId, outcome }: { actor: SystemActor; outboxId: string; outcome: Exclude<EmailStatus, 'queued'> },
): Promise<void> {
  await inScope(deps.orm, actor, (em) =>
    em.nativeUpdate(
      EmailOutbox,
      { id: outboxId, status: 'queued' },
      { status: outcome, sentAt: outcome === 'sent' ? new Date() : null },
    ),
  );
}
