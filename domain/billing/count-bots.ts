import { Bot } from '../../db/entities';
import type { ScopedEm } from '../../db/scope';

/** The bots that count against a plan's `maxBots`: every one not deprovisioned, since a failed one can be retried. */
export const countBots = (em: ScopedEm, tenantId: string): Promise<number> =>
  em.count(Bot, { tenantId, status: { $ne: 'deprovisioned' } });
