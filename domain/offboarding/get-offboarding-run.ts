import type { OffboardingRunView } from '../../contracts/offboarding';
import { OffboardingRun } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { notFound } from '../errors/app-error';
import type { OffboardingWorkflows } from './offboarding-port';
import { toOffboardingRunView } from './offboarding-run-view';

/** A tenant's offboarding run, from its record: it answers after the tenant's rows are gone. */
export async function getOffboardingRun(
  deps: { orm: Orm; offboarding?: OffboardingWorkflows },
  { actor, tenantId }: { actor: Actor; tenantId: string },
): Promise<OffboardingRunView> {
  assertCan(actor, 'tenants:offboard');
  const run = await inScope(deps.orm, scopeOf(actor), (em) => em.findOne(OffboardingRun, { tenantId }));
  if (!run) throw notFound('Offboarding run');
  return toOffboardingRunView(run, deps.offboarding?.link(run.workflowId) ?? null);
}
