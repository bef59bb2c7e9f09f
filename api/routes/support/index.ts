import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, pageOf } from '../../../contracts/page';
import {
  CreateTicketBody,
  TicketDetail,
  TicketListQuery,
  TicketMessage,
  TicketMessageBody,
  TicketView,
  UpdateTicketBody,
} from '../../../contracts/support';
import { addTicketMessage } from '../../../domain/support/add-ticket-message';
import { createTicket } from '../../../domain/support/create-ticket';
import { getTicket } from '../../../domain/support/get-ticket';
import { listTickets } from '../../../domain/support/list-tickets';
import { updateTicket } from '../../../domain/support/update-ticket';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

const TicketParams = z.object({ id: z.uuid() });

/** Support tickets (customers) and the support inbox (platform staff). */
export const supportRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['support'];

  app.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Tickets, latest activity first: a customer’s own, or every tenant’s for platform staff',
        querystring: PageQuery.extend(TicketListQuery.shape),
        response: responds({ 200: pageOf(TicketView) }),
      },
      preHandler: app.requirePermission('tickets:read'),
    },
    async (request) => {
      const { status, priority, tenantId, ...page } = request.query;
      return listTickets(deps, { actor: actorOf(request), page, filter: { status, priority, tenantId } });
    },
  );

  app.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Open a ticket (staff: on behalf of tenantId)',
        body: CreateTicketBody,
        response: responds({ 201: TicketView }),
      },
      preHandler: app.requirePermission('tickets:create'),
    },
    async (request, reply) =>
      reply.status(201).send(await createTicket(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket with its conversation, oldest reply first',
        params: TicketParams,
        response: responds({ 200: TicketDetail }),
      },
      preHandler: app.requirePermission('tickets:read'),
    },
    async (request) => getTicket(deps, { actor: actorOf(request), ticketId: request.params.id }),
  );

  app.post(
    '/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply; moves the ticket to whoever acts next',
        params: TicketParams,
        body: TicketMessageBody,
        response: responds({ 201: TicketMessage }),
      },
      preHandler: app.requirePermission('tickets:create'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addTicketMessage(deps, { actor: actorOf(request), ticketId: request.params.id, input: request.body }),
        ),
  );

  app.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Set status or priority (customers: close only)',
        params: TicketParams,
        body: UpdateTicketBody,
        response: responds({ 200: TicketView }),
      },
      preHandler: app.requirePermission('tickets:close'),
    },
    async (request) =>
      updateTicket(deps, { actor: actorOf(request), ticketId: request.params.id, patch: request.body }),
  );
};
