import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminInvoiceQuery,
  AdminInvoiceView,
  InvoiceRunDetail,
  InvoiceRunPeriodView,
  InvoiceRunTenantsQuery,
  PastDueTenantView,
  PlanChangeListQuery,
  PlanChangeRecordView,
} from '../../../contracts/billing-admin';
import { PageQuery, pageOf } from '../../../contracts/page';
import { adminInvoicesCsv } from '../../../domain/billing/admin-invoices-csv';
import { listInvoiceRunTenants } from '../../../domain/billing/list-invoice-run-tenants';
import { listInvoiceRuns } from '../../../domain/billing/list-invoice-runs';
import { listInvoicesAcrossTenants } from '../../../domain/billing/list-invoices-across-tenants';
import { listPastDueTenants } from '../../../domain/billing/list-past-due-tenants';
import { listPlanChanges } from '../../../domain/billing/list-plan-changes';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/**
 * The admin Billing page's reads, for platform staff: invoice runs per period and tenant, every tenant's invoices
 * (also as CSV), past-due tenants and plan changes. Starting a run and changing a plan stay where they are
 * (`POST /api/billing/invoice/run`, `PUT /api/tenants/:tenantId/plan`).
 */
export const billingAdminRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['billing'];
  const preHandler = app.requirePermission('billing:overview');

  app.get(
    '/invoice-runs',
    {
      schema: {
        tags,
        summary: 'Periods with invoices or runs, newest first: tenants per run status, billed and paid totals',
        querystring: PageQuery,
        response: responds({ 200: pageOf(InvoiceRunPeriodView) }),
      },
      preHandler,
    },
    async (request) => listInvoiceRuns(deps, { actor: actorOf(request), page: request.query }),
  );

  app.get(
    '/invoice-runs/tenants',
    {
      schema: {
        tags,
        summary: 'One period’s runs: totals, runs started by hand, and its tenants with run status and workflow',
        description:
          'Tenants are those with an invoice of the period and those a run would bill (`not_invoiced` until it ' +
          'rates them); `refreshing` says whether the status is still moving.',
        querystring: PageQuery.extend(InvoiceRunTenantsQuery.shape),
        response: responds({ 200: InvoiceRunDetail }),
      },
      preHandler,
    },
    async (request) => {
      const { period, status, page, pageSize } = request.query;
      return listInvoiceRunTenants(deps, {
        actor: actorOf(request),
        period,
        page: { page, pageSize },
        filter: { status },
      });
    },
  );

  app.get(
    '/invoices',
    {
      schema: {
        tags,
        summary: 'Every tenant’s invoices, newest period first, by status, period and tenant',
        querystring: PageQuery.extend(AdminInvoiceQuery.shape),
        response: responds({ 200: pageOf(AdminInvoiceView) }),
      },
      preHandler,
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listInvoicesAcrossTenants(deps, { actor: actorOf(request), page: { page, pageSize }, filter });
    },
  );

  app.get(
    '/invoices.csv',
    {
      schema: {
        tags,
        summary: 'The same invoices as CSV, every one that matches (at most 10,000: filter by period beyond)',
        querystring: AdminInvoiceQuery,
        response: responds({
          200: {
            description: 'RFC 4180 CSV with a header row; amounts in decimal units of their currency',
            content: { 'text/csv': { schema: z.string() } },
          },
        }),
      },
      preHandler,
    },
    async (request, reply) => {
      const csv = await adminInvoicesCsv(deps, { actor: actorOf(request), filter: request.query });
      const name = `invoices${request.query.period ? `-${request.query.period}` : ''}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );

  app.get(
    '/past-due',
    {
      schema: {
        tags,
        summary: 'Tenants with a past-due subscription, longest overdue first: amount owed, when calls stop',
        querystring: PageQuery,
        response: responds({ 200: pageOf(PastDueTenantView) }),
      },
      preHandler,
    },
    async (request) => listPastDueTenants(deps, { actor: actorOf(request), page: request.query }),
  );

  app.get(
    '/plan-changes',
    {
      schema: {
        tags,
        summary: 'Plan changes, newest first: who moved which tenant from which plan to which',
        querystring: PageQuery.extend(PlanChangeListQuery.shape),
        response: responds({ 200: pageOf(PlanChangeRecordView) }),
      },
      preHandler,
    },
    async (request) => {
      const { tenantId, ...page } = request.query;
      return listPlanChanges(deps, { actor: actorOf(request), page, filter: { tenantId } });
    },
  );
};
