import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InvoiceRunRequest, InvoiceRunStarted } from '../../../contracts/invoicing';
import { startInvoiceRun } from '../../../domain/billing/start-invoice-run';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** Invoice runs on Stripe (the same workflows the monthly schedule starts). */
export const invoicingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/invoice/run',
    {
      schema: {
        tags: ['billing'],
        summary: 'Bill a period that has ended, for one tenant or every billable tenant',
        description:
          'Starts `invoice-<tenantId>-<period>` or a run over all tenants; a period already billed is not billed ' +
          'again. Runs are searchable in Temporal by TenantId and InvoicePeriod.',
        body: InvoiceRunRequest,
        response: responds({ 202: InvoiceRunStarted }),
      },
      preHandler: app.requirePermission('invoices:run'),
    },
    async (request, reply) => {
      const started = await startInvoiceRun(deps, { actor: actorOf(request), ...request.body });
      return reply.status(202).send(started);
    },
  );
};
