import { z } from 'zod';
import { ProvisioningJob } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { pageWindow, type Page, type PageQuery } from '../pagination';
import { operatorLink, toJobView, type JobView } from './job-view';
import type { JobDeps } from './start-job';

export const JobFilter = z.object({
  status: z.enum(['queued', 'running', 'done', 'error', 'canceled']).optional(),
  kind: z.enum(['provision', 'rotate_number', 'deprovision']).optional(),
  tenantId: z.uuid().optional(),
  botId: z.uuid().optional(),
});
export type JobFilter = z.infer<typeof JobFilter>;

/** Every provisioning job, newest first, for platform staff. */
export async function listJobs(
  deps: JobDeps,
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: JobFilter },
): Promise<Page<JobView>> {
  assertCan(actor, 'jobs:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    const [jobs, total] = await em.findAndCount(ProvisioningJob, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      ...pageWindow(page),
    });
    return { items: jobs.map((job) => toJobView(job, operatorLink(actor, deps.provisioning.link))), total, ...page };
  });
}
