import type { Bot } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { SystemActor } from '../auth/actor';
import { findBot } from '../bots/find-bot';

export interface ProvisioningBot {
  id: string;
  tenantId: string;
  status: Bot['status'];
  locale: string;
  voice: string;
  twilioNumberSid: string | null;
}

/** What the provisioning workflows' activities read of a bot; 404 (AppError not_found) when it is gone. */
export async function findProvisioningBot(
  deps: { orm: Orm },
  { actor, botId }: { actor: SystemActor; botId: string },
): Promise<ProvisioningBot> {
  const bot = await inScope(deps.orm, actor, (em) => findBot(em, botId));
  const { id, tenantId, status, locale, voice, twilioNumberSid } = bot;
  return { id, tenantId, status, locale, voice, twilioNumberSid: twilioNumberSid ?? null };
}
