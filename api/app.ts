import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps';
import { finishOpenApiDocument } from './openapi';
import { authPlugin } from './plugins/auth';
import { errorsPlugin, frameworkErrors } from './plugins/errors';
import { rejectUnstorableTextPlugin } from './plugins/reject-unstorable-text';
import { tenantHintPlugin } from './plugins/tenant-hint';
import { authRoutes } from './routes/auth';
import { oidcAuthRoutes } from './routes/auth/oidc';
import { MAX_REQUEST_BODY_BYTES } from '../contracts/body-limits';
import { billingRoutes } from './routes/billing';
import { billingAdminRoutes } from './routes/billing-admin';
import { botRoutes } from './routes/bots';
import { healthRoutes } from './routes/health';
import { stripeWebhookRoutes } from './routes/stripe-webhook';
import { elevenLabsWebhookRoutes } from './routes/elevenlabs-webhook';
import { integrationSyncRoutes } from './routes/integration-sync';
import { invoiceRoutes } from './routes/invoices';
import { invoicingRoutes } from './routes/invoicing';
import { provisioningRoutes } from './routes/provisioning';
import { supportRoutes } from './routes/support';
import { telephonyRoutes } from './routes/telephony';
import { usageRoutes } from './routes/usage';
import { tenantRoutes } from './routes/tenants';
import { userRoutes } from './routes/users';
import { webhookRoutes } from './routes/webhooks';
import { integrationRoutes } from './routes/integrations';
import { integrationHealthRoutes } from './routes/integration-health';
import { mailSenderRoutes } from './routes/mail-sender';
import { agentRoutes } from './routes/agents';
import { callLogRoutes } from './routes/call-logs';
import { analyticsRoutes } from './routes/analytics';
import { tenantExportRoutes } from './routes/tenant-exports';
import { brandingRoutes } from './routes/branding';
import { promptConfigRoutes } from './routes/prompt-config';

/** Builds the API as a Fastify instance; `server.ts` listens, tests `inject`. */
export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    // Only the configured proxy hop's X-Forwarded-For is believed; anyone else's would let a client pick its IP.
    trustProxy: deps.trustProxy,
    forceCloseConnections: true,
    bodyLimit: MAX_REQUEST_BODY_BYTES,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(rejectUnstorableTextPlugin);
  await app.register(swagger, {
    openapi: {
      info: { title: 'VoicePlane API', version: '0.1.0', description: 'Control plane for voice-AI agents' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'vp_access' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: finishOpenApiDocument,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { orm: deps.orm, tokenKey: deps.auth.tokenKey });
  await app.register(tenantHintPlugin, { orm: deps.orm, baseDomain: deps.publicBaseDomain });

  await app.register(healthRoutes, { prefix: '/api', deps });
  await app.register(authRoutes, { prefix: '/api/auth', deps });
  await app.register(oidcAuthRoutes, { prefix: '/api/auth/oidc', deps });
  await app.register(tenantRoutes, { prefix: '/api/tenants', deps });
  await app.register(userRoutes, { prefix: '/api/tenants', deps });
  await app.register(botRoutes, { prefix: '/api/bots', deps });
  await app.register(provisioningRoutes, { prefix: '/api/provisioning', deps });
  await app.register(supportRoutes, { prefix: '/api/support', deps });
  await app.register(invoiceRoutes, { prefix: '/api/invoices', deps });
  await app.register(usageRoutes, { prefix: '/api/usage', deps });
  await app.register(invoicingRoutes, { prefix: '/api/billing', deps });
  await app.register(billingRoutes, { prefix: '/api', deps });
  await app.register(billingAdminRoutes, { prefix: '/api/billing/admin', deps });
  await app.register(stripeWebhookRoutes, { prefix: '/api/billing/stripe', deps });
  await app.register(webhookRoutes, { prefix: '/api/webhooks', deps });
  await app.register(elevenLabsWebhookRoutes, { prefix: '/api/webhooks/elevenlabs', deps });
  await app.register(integrationSyncRoutes, { prefix: '/api/integrations/sync', deps });
  await app.register(telephonyRoutes, { prefix: '/telephony', deps });
  await app.register(integrationRoutes, { prefix: '/api/integrations', deps });
  await app.register(integrationHealthRoutes, { prefix: '/api/integrations/health', deps });
  await app.register(mailSenderRoutes, { prefix: '/api/integrations/mail-sender', deps });
  await app.register(agentRoutes, { prefix: '/api/agents', deps });
  await app.register(callLogRoutes, { prefix: '/api/call-logs', deps });
  await app.register(analyticsRoutes, { prefix: '/api/analytics', deps });
  await app.register(tenantExportRoutes, { prefix: '/api', deps });
  await app.register(brandingRoutes, { prefix: '/api', deps });
  await app.register(promptConfigRoutes, { prefix: '/api/prompt-config', deps });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
