import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { CallWorkflows } from '../domain/telephony/call-port';
import { callWorkflowId } from '../domain/telephony/call-status';
import {
  callLifecycle,
  callStatusSignal,
  callStatusesSignal,
  usageCountersSignal,
  type CallLifecycleInput,
} from '../workflows/call-lifecycle';
import type { TemporalTarget } from './client';
import { BotIdAttribute, TenantIdAttribute } from './search-attributes';

/**
 * The call port backed by Temporal: `signalWithStart` on `call-<CallSid>` makes whichever webhook arrives first
 * start the workflow. One status goes as `callStatus`; several (a backlog the relay hands over at once) as one
 * `callStatuses`, so a call costs Temporal one signal however many of its callbacks waited. A finished call's id is never reused, so a late duplicate cannot meter it twice.
 */
export function createCallClient(
  client: Client,
  target: TemporalTarget,
  timing: Omit<CallLifecycleInput, 'call'> = {},
): CallWorkflows {
  return {
    async signalStatus(call, events) {
      try {
        const start = {
          workflowId: callWorkflowId(call.callSid),
          taskQueue: target.taskQueue,
          args: [{ call, ...timing }] as [CallLifecycleInput],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          typedSearchAttributes: [
            { key: TenantIdAttribute, value: call.tenantId },
            { key: BotIdAttribute, value: call.botId },
          ],
        };
        await (events.length === 1
          ? client.workflow.signalWithStart(callLifecycle, {
              ...start,
              signal: callStatusSignal,
              signalArgs: [events[0]!],
            })
          : client.workflow.signalWithStart(callLifecycle, {
              ...start,
              signal: callStatusesSignal,
              signalArgs: [events],
            }));
      } catch (error) {
        // The call has already been metered and closed: a late or duplicate callback changes nothing.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },

    async signalStatusIfMetered(callSid, events) {
      try {
        const handle = client.workflow.getHandle(callWorkflowId(callSid));
        await (events.length === 1
          ? handle.signal(callStatusSignal, events[0]!)
          : handle.signal(callStatusesSignal, events));
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
