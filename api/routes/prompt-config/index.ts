import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PromptConfigQuery,
  PromptConfigView,
  PromptDraftPreviewBody,
  PromptPreview,
  PromptPreviewQuery,
  PutPromptConfigBody,
} from '../../../contracts/prompt-config';
import { getPromptConfig } from '../../../domain/prompts/get-prompt-config';
import { previewDraftPrompt, previewPrompt } from '../../../domain/prompts/preview-prompt';
import { savePromptConfig } from '../../../domain/prompts/save-prompt-config';
import type { AppDeps } from '../../app-deps';
import { actorOf } from '../../plugins/auth';
import { responds } from '../../responses';

/** A tenant's prompt settings: what its bots call the business and themselves, and the prompts built from them. */
export const promptConfigRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const tags = ['prompt-config'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The tenant’s prompt settings, or defaults derived from its name (platform staff: ?tenantId=)',
        querystring: PromptConfigQuery,
        response: responds({ 200: PromptConfigView }),
      },
      preHandler: app.requirePermission('prompts:read'),
    },
    async (request) => getPromptConfig(deps, { actor: actorOf(request), tenantId: request.query.tenantId }),
  );

  app.put(
    '/',
    {
      schema: {
        tags,
        summary: 'Replace the tenant’s prompt settings and give its bots the new prompt (platform staff: ?tenantId=)',
        description:
          'Saved as a new version and audited; the `applyPromptConfig` workflow then sets BOT_PROMPT and ' +
          'BOT_GREETING on every bot of the tenant that runs an app. 503 when the rollout cannot be started ' +
          '(nothing is saved then).',
        querystring: PromptConfigQuery,
        body: PutPromptConfigBody,
        response: responds({ 200: PromptConfigView }),
      },
      preHandler: app.requirePermission('prompts:configure'),
    },
    async (request) =>
      savePromptConfig(deps, { actor: actorOf(request), tenantId: request.query.tenantId, settings: request.body }),
  );

  app.get(
    '/preview',
    {
      schema: {
        tags,
        summary: 'The greeting and system prompt a bot of the role is given from the saved settings',
        querystring: PromptPreviewQuery,
        response: responds({ 200: PromptPreview }),
      },
      preHandler: app.requirePermission('prompts:read'),
    },
    async (request) =>
      previewPrompt(deps, { actor: actorOf(request), tenantId: request.query.tenantId, role: request.query.role }),
  );

  app.post(
    '/preview',
    {
      schema: {
        tags,
        summary: 'The greeting and system prompt settings still being edited would give (nothing is saved)',
        body: PromptDraftPreviewBody,
        response: responds({ 200: PromptPreview }),
      },
      preHandler: app.requirePermission('prompts:read'),
    },
    async (request) => previewDraftPrompt({ actor: actorOf(request), ...request.body }),
  );
};
