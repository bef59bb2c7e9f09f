import type { Client } from '@temporalio/client';
import type { PromptRollouts } from '../domain/prompts/prompt-rollout-port';
import { AppError } from '../domain/errors/app-error';
import { applyPromptConfig, applyPromptConfigWorkflowId } from '../workflows/apply-prompt-config';
import { ignoringAlreadyStarted, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/**
 * The prompt rollout port backed by Temporal: one `applyPromptConfig` run per saved version, searchable by
 * `TenantId`. A start that fails is a 503 and, since the caller starts inside its transaction, saves nothing.
 */
export function createPromptConfigClient(client: Client, target: TemporalTarget): PromptRollouts {
  return {
    async startRollout({ tenantId, version }) {
      const workflowId = applyPromptConfigWorkflowId(tenantId, version);
      await ignoringAlreadyStarted(
        client.workflow.start(applyPromptConfig, {
          taskQueue: target.taskQueue,
          workflowId,
          args: [{ tenantId, version }],
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        }),
      ).catch((error: unknown) => {
        throw new AppError('unavailable', 'The prompt settings could not be handed to the bots; nothing was saved', {
          cause: error,
        });
      });
      return { workflowId };
    },
  };
}
