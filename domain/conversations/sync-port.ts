// The per-tenant periodic sync of ElevenLabs conversations (a Temporal Schedule), as the API drives it.
// Implemented in temporal/conversation-sync-client.ts over the Temporal client.
import type { ConversationSyncStatus } from '../../contracts/integration-sync';

export interface ConversationSyncs {
  /** Creates the tenant's schedule or resumes it when `active`, pauses it otherwise. Idempotent. */
  follow(input: { tenantId: string; active: boolean }): Promise<void>;
  /** Starts a sync now (or returns the one already running), with its Temporal Web UI link. */
  syncNow(tenantId: string): Promise<{ workflowId: string; temporalUrl: string | null }>;
  /** The schedule's side of the status; what the runs recorded is on the integration (read-sync-state.ts). */
  status(tenantId: string): Promise<SyncScheduleStatus>;
  /** Removes the tenant's schedule (integration deleted). */
  remove(tenantId: string): Promise<void>;
}

export type SyncScheduleStatus = Omit<ConversationSyncStatus, 'lastSyncedAt' | 'lastFound' | 'lastError'>;

/** What a sync run needs of its own schedule: to stop it when ElevenLabs refuses the tenant's key (and to undo
 * that stop when the tenant replaced the key meanwhile). */
export interface SyncSchedulePause {
  pause(tenantId: string, note: string): Promise<void>;
  resume(tenantId: string, note: string): Promise<void>;
}

/** One schedule per tenant; its runs are `elevenlabs-sync-<tenantId>-<time>`, a run asked for by hand `…-now`. */
export const syncScheduleId = (tenantId: string): string => `elevenlabs-sync-${tenantId}`;
export const syncNowWorkflowId = (tenantId: string): string => `elevenlabs-sync-${tenantId}-now`;
