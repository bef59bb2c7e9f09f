import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps';

/** Invoices of a tenant, from the invoices table. */
export const invoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async () => {};
