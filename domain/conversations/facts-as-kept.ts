import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { anonymiseFacts } from './anonymise';
import { anonymisesCallLogs } from './anonymises-call-logs';
import type { ConversationFacts } from './conversation-event';

/** A conversation's facts as the tenant keeps them: anonymised when it asks for that, as they are otherwise. */
export async function factsAsKept(
  deps: { orm: Orm },
  { tenantId, facts }: { tenantId: string; facts: ConversationFacts },
): Promise<ConversationFacts> {
  const anonymise = await inScope(deps.orm, { tenantId }, (em) => anonymisesCallLogs(em, tenantId));
  return anonymise ? anonymiseFacts(facts) : facts;
}
