import type { FastifyRequest } from 'fastify';
import type { PlanFeature } from '../contracts/pricing';
import type { Orm } from '../db/orm';
import { assertPlanFeature } from '../domain/billing/assert-plan-feature';
import { actorOf } from './plugins/auth';

/**
 * A preHandler for routes behind a plan feature (custom prompts, white label, your own ElevenLabs key, API access):
 * 402 problem+json naming the feature and the cheapest plan that has it when the tenant's plan lacks it. The tenant
 * is a customer's own; for platform staff, the one `tenantOf` reads from the request (a param or body field), and
 * staff acting on no tenant pass. Put it after the permission check:
 * `preHandler: [app.requirePermission('bots:configure'), requireFeature(deps, 'customPrompts', tenantParam)]`.
 */
export const requireFeature =
  (
    deps: { orm: Orm },
    feature: PlanFeature,
    tenantOf: (request: FastifyRequest) => string | undefined = () => undefined,
  ) =>
  async (request: FastifyRequest): Promise<void> => {
    const actor = actorOf(request);
    const tenantId = actor.tenantId ?? tenantOf(request);
    if (tenantId) await assertPlanFeature(deps, { actor, tenantId, feature });
  };
