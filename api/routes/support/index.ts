import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps';

/** Support tickets (customers) and the support inbox (platform staff). */
export const supportRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async () => {};
