import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { CallWorkflows } from '../domain/telephony/call-port';
import { callWorkflowId } from '../domain/telephony/call-status';
import {
  callLifecycle,
  callStatusSignal,
  usageCountersSignal,
  type CallLifecycleInput,
} from '../workflows/call-lifecycle';
import type { TemporalTarget } from './client';
import { BotIdAttribute, TenantIdAttribute } from './search-attributes';

/**
 * The call port backed by Temporal: `signalWithStart` on `call-<CallSid>` makes whichever webhook arrives first
 * start the workflow. A finished call's id is never reused, so a late duplicate cannot meter it twice.
 */
export function createCallClient(
  client: Client,
  target: TemporalTarget,
  timing: Omit<CallLifecycleInput, 'call'> = {},
): CallWorkflows {
  return {
    async signalStatus(call, event) {
      try {
        await client.workflow.signalWithStart(callLifecycle, {
          workflowId: callWorkflowId(call.callSid),
          taskQueue: target.taskQueue,
          args: [{ call, ...timing }],
          signal: callStatusSignal,
          signalArgs: [event],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: TenantIdAttribute, value: call.tenantId },
            { key: BotIdAttribute, value: call.botId },
          ],
        });
      } catch (error) {
        // The call has already been metered and closed: a late or duplicate callback changes nothing.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },

    async signalStatusIfMetered(callSid, event) {
      try {
        await client.workflow.getHandle(callWorkflowId(callSid)).signal(callStatusSignal, event);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },

    async reportCounters(callSid, reports) {
      try {
        await client.workflow.getHandle(callWorkflowId(callSid)).signal(usageCountersSignal, reports);
        return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
  };
}
