// The per-tenant periodic sync of ElevenLabs conversations (a Temporal Schedule), as the API drives it.
// Implemented in temporal/ over the Temporal client.

export interface ConversationSyncStatus {
  /** The schedule exists and runs (false when there is none or it is paused because the key failed). */
  scheduled: boolean;
  paused: boolean;
  lastSyncedAt: string | null;
  nextSyncAt: string | null;
  /** Conversations the last completed sync found that the platform did not have yet. */
  lastFound: number;
  lastError: string | null;
  /** The sync running now, with its progress, or null. */
  running: { workflowId: string; pages: number; seen: number; found: number } | null;
  /** Temporal Web UI link to the schedule. */
  temporalUrl: string | null;
}

export interface ConversationSyncs {
  /** Creates the tenant's schedule or resumes it when `active`, pauses it otherwise. Idempotent. */
  follow(input: { tenantId: string; active: boolean }): Promise<void>;
  /** Starts a sync now (or returns the one already running). */
  syncNow(tenantId: string): Promise<{ workflowId: string }>;
  status(tenantId: string): Promise<ConversationSyncStatus>;
  /** Removes the tenant's schedule (integration deleted). */
  remove(tenantId: string): Promise<void>;
}
