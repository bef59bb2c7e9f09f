import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import {
  syncNowWorkflowId,
  syncScheduleId,
  type ConversationSyncs,
  type SyncSchedulePause,
} from '../domain/conversations/sync-port';
import { syncConversations, syncProgressQuery, type SyncConversationsInput } from '../workflows/sync-conversations';
import { queryWhileRunning, workflowUiLink, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

export interface ConversationSyncSettings {
  /** ELEVENLABS_SYNC_EVERY. */
  everyMs: number;
  /** Paging and look-back of each run (the workflow's defaults otherwise). */
  run?: Omit<SyncConversationsInput, 'tenantId' | 'carried'>;
}

/** What a call on a schedule returns, or null when the schedule does not exist (never made, or removed). */
async function unlessNoSchedule<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return null;
    throw error;
  }
}

/** Pauses a tenant's sync schedule (a run refused by ElevenLabs); one that does not exist needs no pausing. */
export function createSyncSchedulePause(client: Client): SyncSchedulePause {
  return {
    async pause(tenantId, note) {
      await unlessNoSchedule(client.schedule.getHandle(syncScheduleId(tenantId)).pause(note));
    },
    async resume(tenantId, note) {
      await unlessNoSchedule(client.schedule.getHandle(syncScheduleId(tenantId)).unpause(note));
    },
  };
}

/**
 * The sync port backed by a Temporal Schedule per tenant (`elevenlabs-sync-<tenantId>`, every `everyMs`, a run
 * still going when the next is due makes that one skip). "Sync now" starts `…-now`, or joins the run under way.
 */
export function createConversationSyncClient(
  client: Client,
  target: TemporalTarget,
  settings: ConversationSyncSettings,
): ConversationSyncs & SyncSchedulePause {
  const handleOf = (tenantId: string) => client.schedule.getHandle(syncScheduleId(tenantId));
  const options = (tenantId: string) => ({
    spec: { intervals: [{ every: settings.everyMs }] },
    action: {
      type: 'startWorkflow' as const,
      workflowType: syncConversations,
      workflowId: syncScheduleId(tenantId),
      taskQueue: target.taskQueue,
      args: [{ tenantId, ...settings.run }] as [SyncConversationsInput],
      typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
    },
    // Runs missed while Temporal was down are not made up one by one: the next run covers them.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: Math.max(settings.everyMs, 60_000) },
  });
  const describe = (tenantId: string) => unlessNoSchedule(handleOf(tenantId).describe());
  const runningOf = (schedule: ScheduleDescription | null) => schedule?.info.runningActions[0]?.workflow.workflowId;
  const scheduleLink = (tenantId: string) =>
    `${target.uiUrl}/namespaces/${encodeURIComponent(target.namespace)}/schedules/${encodeURIComponent(syncScheduleId(tenantId))}`;

  return {
    async follow({ tenantId, active }) {
      try {
        // A tenant that just connected its key gets its first sync at once.
        await client.schedule.create({
          scheduleId: syncScheduleId(tenantId),
          ...options(tenantId),
          state: active ? { triggerImmediately: true } : { paused: true, note: 'The ElevenLabs key is not active' },
        });
        return;
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      }
      const handle = handleOf(tenantId);
      // update() describes the schedule first: its state comes with it, no second describe needed.
      let paused = false;
      await handle.update((previous) => {
        paused = previous.state.paused;
        return { ...previous, ...options(tenantId) };
      });
      if (active && paused) await handle.unpause('The ElevenLabs key is active again');
      if (!active && !paused) await handle.pause('The ElevenLabs key is not active');
    },

    ...createSyncSchedulePause(client),

    async syncNow(tenantId) {
      const scheduled = runningOf(await describe(tenantId));
      const workflowId = scheduled ?? syncNowWorkflowId(tenantId);
      if (!scheduled) {
        await client.workflow.start(syncConversations, {
          workflowId,
          taskQueue: target.taskQueue,
          args: [{ tenantId, ...settings.run }],
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          typedSearchAttributes: [{ key: TenantIdAttribute, value: tenantId }],
        });
      }
      return { workflowId, temporalUrl: workflowUiLink(target, workflowId) };
    },

    async status(tenantId) {
      const schedule = await describe(tenantId);
      const candidates = [runningOf(schedule), syncNowWorkflowId(tenantId)].filter((id): id is string => !!id);
      let running = null;
      for (const workflowId of candidates) {
        const progress = await queryWhileRunning(client.workflow.getHandle(workflowId), syncProgressQuery);
        if (progress) {
          running = { workflowId, ...progress };
          break;
        }
      }
      const paused = schedule?.state.paused ?? false;
      return {
        scheduled: schedule !== null && !paused,
        paused,
        nextSyncAt: (!paused && schedule?.info.nextActionTimes[0]?.toISOString()) || null,
        running,
        temporalUrl: schedule ? scheduleLink(tenantId) : null,
      };
    },

    async remove(tenantId) {
      await unlessNoSchedule(handleOf(tenantId).delete());
    },
  };
}
