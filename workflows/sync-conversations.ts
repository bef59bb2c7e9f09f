import {
  ActivityFailure,
  ApplicationFailure,
  continueAsNew,
  defineQuery,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { ConversationSyncActivities } from '../activities/conversation-sync';
import { ELEVENLABS_KEY_REFUSED } from '../domain/conversations/conversation-failures';
import type { SyncResult } from '../domain/conversations/record-sync-result';
import { TenantIdAttribute } from '../temporal/search-attributes';

export interface SyncProgress {
  pages: number;
  seen: number;
  found: number;
}
export const syncProgressQuery = defineQuery<SyncProgress>('syncProgress');

/** Where a run that continued as new picks up. */
interface SyncCarried {
  after: string;
  cursor: string | null;
  passedUntil: string | null;
  blocked: boolean;
  progress: SyncProgress;
}

export interface SyncConversationsInput {
  tenantId: string;
  /** ElevenLabs allows up to 100 a page. */
  pageSize?: number;
  /** Pages per run before it continues as new, so the history stays small however far behind the sync is. */
  pagesPerRun?: number;
  /** How far before the watermark listing starts again (conversations that started in the same second). */
  overlapMs?: number;
  /** How far back the first sync of a tenant looks. */
  backfillMs?: number;
  carried?: SyncCarried;
}

export type SyncConversationsResult = { outcome: SyncResult['outcome'] | 'no_integration' } & SyncProgress;

const MINUTE = 60_000;
const DEFAULTS = { pageSize: 100, pagesPerRun: 20, overlapMs: 5 * MINUTE, backfillMs: 30 * 24 * 60 * MINUTE };

/** Listing retries after what a 429 asks (the activity sets the delay); other failures about ten minutes long. */
const activities = proxyActivities<ConversationSyncActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 10 },
});

const keyRefused = (error: unknown): error is ActivityFailure =>
  error instanceof ActivityFailure &&
  error.cause instanceof ApplicationFailure &&
  error.cause.type === ELEVENLABS_KEY_REFUSED;
/** The refused key's fingerprint, when the activity named it (runs of older workers did not). */
const refusedKeyOf = (error: ActivityFailure): string | undefined => {
  const detail = (error.cause as ApplicationFailure).details?.[0] as { keyFingerprint?: unknown } | undefined;
  return typeof detail?.keyFingerprint === 'string' ? detail.keyFingerprint : undefined;
};
const messageOf = (error: unknown) =>
  error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error);

/**
 * One sync of a tenant's ElevenLabs conversations (run by its schedule `elevenlabs-sync-<tenantId>`, or by hand):
 * pages the list oldest first from the watermark, hands every finished conversation the platform lacks to its
 * conversation workflow, then moves the watermark past what is recorded. A refused key marks the integration
 * ERROR and pauses the schedule; any other failure is recorded on the integration and fails the run.
 */
export async function syncConversations(input: SyncConversationsInput): Promise<SyncConversationsResult> {
  const settings = { ...DEFAULTS, ...input };
  const { tenantId } = input;
  const progress: SyncProgress = { pages: 0, seen: 0, found: 0, ...input.carried?.progress };
  setHandler(syncProgressQuery, () => progress);
  upsertSearchAttributes([{ key: TenantIdAttribute, value: tenantId }]);

  const window =
    input.carried ??
    (await activities.startSyncRun({ tenantId, overlapMs: settings.overlapMs, backfillMs: settings.backfillMs }));
  if (!window) return { outcome: 'no_integration', ...progress };
  let cursor = input.carried?.cursor ?? null;
  let passedUntil = input.carried?.passedUntil ?? null;
  let blocked = input.carried?.blocked ?? false;
  let listedAll = false;

  try {
    for (let page = 0; page < settings.pagesPerRun && !listedAll; page += 1) {
      const listed = await activities.syncConversationPage({
        tenantId,
        after: window.after,
        cursor,
        pageSize: settings.pageSize,
      });
      progress.pages += 1;
      progress.seen += listed.seen;
      progress.found += listed.found;
      if (!blocked && listed.passedUntil) passedUntil = listed.passedUntil;
      blocked ||= listed.blocked;
      cursor = listed.nextCursor;
      listedAll = !listed.hasMore || !listed.nextCursor;
    }
  } catch (error) {
    const failed = { watermark: passedUntil, found: progress.found, error: messageOf(error) };
    if (!keyRefused(error)) {
      await activities.recordSyncResult({ tenantId, result: { outcome: 'failed', ...failed } });
      throw error;
    }
    // Both act only while the integration still holds the refused key: one saved meanwhile stays in force.
    const keyFingerprint = refusedKeyOf(error);
    await activities.pauseConversationSync({
      tenantId,
      note: `ElevenLabs refused the key: ${failed.error}`,
      keyFingerprint,
    });
    await activities.recordSyncResult({ tenantId, result: { outcome: 'key_refused', ...failed, keyFingerprint } });
    return { outcome: 'key_refused', ...progress };
  }
  if (listedAll) {
    await activities.recordSyncResult({
      tenantId,
      result: { outcome: 'synced', watermark: passedUntil, found: progress.found },
    });
    return { outcome: 'synced', ...progress };
  }
  return continueAsNew<typeof syncConversations>({
    ...input,
    carried: { after: window.after, cursor, passedUntil, blocked, progress },
  });
}
