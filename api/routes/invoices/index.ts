import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvoiceDetail, InvoiceListQuery, InvoiceView } from '../../../contracts/invoices';
import { PageQuery, pageOf } from '../../../contracts/page';
import { getInvoice } from '../../../domain/invoices/get-invoice';
import { listInvoices } from '../../../domain/invoices/list-invoices';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

const InvoiceParams = z.object({ id: z.uuid() });

/** Invoices of a tenant, from the invoices table. */
export const invoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['invoices'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Invoices, newest period first: a customer’s own, or every tenant’s for platform staff',
        querystring: PageQuery.extend(InvoiceListQuery.shape),
        response: responds({ 200: pageOf(InvoiceView) }),
      },
      preHandler: app.requirePermission('invoices:read'),
    },
    async (request) => {
      const { status, tenantId, ...page } = request.query;
      return listInvoices(deps, { actor: actorOf(request), page, filter: { status, tenantId } });
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'An invoice with its lines',
        params: InvoiceParams,
        response: responds({ 200: InvoiceDetail }),
      },
      preHandler: app.requirePermission('invoices:read'),
    },
    async (request) => getInvoice(deps, { actor: actorOf(request), invoiceId: request.params.id }),
  );
};
