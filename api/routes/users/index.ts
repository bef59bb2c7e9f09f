import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, pageOf } from '../../../contracts/page';
import { CreateUserBody, UpdateUserBody, UserView } from '../../../contracts/users';
import { createUser } from '../../../domain/users/create-user';
import { listUsers } from '../../../domain/users/list-users';
import { updateUser } from '../../../domain/users/update-user';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

const TenantParams = z.object({ id: z.uuid() });
const UserParams = TenantParams.extend({ userId: z.uuid() });

/** A tenant's users: platform admins manage any tenant's, a customer_admin their own tenant's. */
export const userRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['users'];
  app.addHook('preHandler', app.requireTenantParamAccess);

  app.get(
    '/:id/users',
    {
      schema: {
        tags,
        summary: "A tenant's users, oldest first",
        params: TenantParams,
        querystring: PageQuery,
        response: responds({ 200: pageOf(UserView) }),
      },
      preHandler: app.requirePermission('users:read'),
    },
    async (request) => listUsers(deps, { actor: actorOf(request), tenantId: request.params.id, page: request.query }),
  );

  app.post(
    '/:id/users',
    {
      schema: {
        tags,
        summary: 'Add a user with a customer role',
        params: TenantParams,
        body: CreateUserBody,
        response: responds({ 201: UserView }),
      },
      preHandler: app.requirePermission('users:manage'),
    },
    async (request, reply) => {
      const user = await createUser(deps, {
        actor: actorOf(request),
        tenantId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/:id/users/:userId',
    {
      schema: {
        tags,
        summary: 'Rename, change role, or (de)activate',
        params: UserParams,
        body: UpdateUserBody,
        response: responds({ 200: UserView }),
      },
      preHandler: app.requirePermission('users:manage'),
    },
    async (request) =>
      updateUser(deps, {
        actor: actorOf(request),
        tenantId: request.params.id,
        userId: request.params.userId,
        patch: request.body,
      }),
  );
};
