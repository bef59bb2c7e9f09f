import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuery } from '../../../contracts/page';
import { JobListQuery, JobView } from '../../../contracts/jobs';
import { pageOf } from '../../../contracts/page';
import { listJobs } from '../../../domain/provisioning/list-jobs';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

export const provisioningRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/jobs',
    {
      schema: {
        tags: ['provisioning'],
        summary: 'All provisioning jobs, newest first',
        querystring: PageQuery.extend(JobListQuery.shape),
        response: responds({ 200: pageOf(JobView) }),
      },
      preHandler: app.requirePermission('jobs:read'),
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listJobs(deps, { actor: actorOf(request), page: { page, pageSize }, filter });
    },
  );
};
