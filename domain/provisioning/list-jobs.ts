import type { JobListQuery } from '../../contracts/jobs';
import { ProvisioningJob } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import type { Page, PageQuery } from '../../contracts/page';
import { findPage, pageWindow } from '../pagination';
import { operatorLink, toJobView } from './job-view';
import type { JobView } from '../../contracts/jobs';
import type { JobDeps } from './start-job';

/** Every provisioning job, newest first, for platform staff. */
export async function listJobs(
  deps: JobDeps,
  { actor, page, filter }: { actor: Actor; page: PageQuery; filter: JobListQuery },
): Promise<Page<JobView>> {
  assertCan(actor, 'jobs:read');
  return inScope(deps.orm, scopeOf(actor), async (em) => {
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    const [jobs, total] = await findPage(em, ProvisioningJob, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      ...pageWindow(page),
    });
    return { items: jobs.map((job) => toJobView(job, operatorLink(actor, deps.provisioning.link))), total, ...page };
  });
}
