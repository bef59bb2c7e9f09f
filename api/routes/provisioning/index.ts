import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuery } from '../../../domain/pagination';
import { JobFilter, listJobs } from '../../../domain/provisioning/list-jobs';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';

export const provisioningRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/jobs',
    {
      schema: {
        tags: ['provisioning'],
        summary: 'All provisioning jobs, newest first',
        querystring: PageQuery.extend(JobFilter.shape),
      },
      preHandler: app.requirePermission('jobs:read'),
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listJobs(deps, { actor: actorOf(request), page: { page, pageSize }, filter });
    },
  );
};
