import type { Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { conversationWorkflowId } from '../domain/conversations/conversation-event';
import type { ConversationWorkflows } from '../domain/conversations/conversation-port';
import { conversation, conversationEventSignal, type ConversationInput } from '../workflows/conversation';
import type { TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/**
 * The conversation port backed by Temporal: `signalWithStart` on `conversation-<id>`, so whichever event comes
 * first starts the run and the others join it. The id may be reused once a run has ended (ALLOW_DUPLICATE): a
 * late webhook, or the sync finding what a failed run missed, starts a new run that merges into the call log.
 */
export function createConversationClient(
  client: Client,
  target: Pick<TemporalTarget, 'taskQueue'>,
  timing: Omit<ConversationInput, 'start'> = {},
): ConversationWorkflows {
  return {
    async deliver(start, event) {
      await client.workflow.signalWithStart(conversation, {
        workflowId: conversationWorkflowId(start.conversationId),
        taskQueue: target.taskQueue,
        args: [{ start, ...timing }],
        signal: conversationEventSignal,
        signalArgs: [event],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        typedSearchAttributes: [{ key: TenantIdAttribute, value: start.tenantId }],
      });
    },
  };
}
