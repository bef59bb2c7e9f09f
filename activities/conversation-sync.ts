import type { ConversationWorkflows } from '../domain/conversations/conversation-port';
import { recordSyncResult, type SyncResult } from '../domain/conversations/record-sync-result';
import { startSyncRun } from '../domain/conversations/start-sync-run';
import type { SyncSchedulePause } from '../domain/conversations/sync-port';
import { triageListedConversations } from '../domain/conversations/triage-listed-conversations';
import { heldElevenLabsKey } from '../domain/integrations/held-elevenlabs-key';
import { toListedConversation } from './conversation-facts';
import { domainCall } from './domain-failure';
import { elevenLabsAccountWithKeyOf, type ElevenLabsAccountDeps } from './elevenlabs-account';
import { elevenLabsCall } from './elevenlabs-failure';

export interface ConversationSyncActivityDeps extends ElevenLabsAccountDeps {
  /** Hands what the sync found to each conversation's workflow. */
  conversations: ConversationWorkflows;
  /** Pauses the tenant's schedule when its key is refused. */
  syncSchedules: SyncSchedulePause;
}

export interface SyncPageResult {
  seen: number;
  found: number;
  passedUntil: string | null;
  blocked: boolean;
  nextCursor: string | null;
  hasMore: boolean;
}

/** Conversations handed to their workflows at once; a page holds up to a hundred. */
const HAND_OVER_CONCURRENCY = 8;

/** The sync workflow's steps. A page may be synced twice (a retry): handing a conversation over again is harmless. */
export function createConversationSyncActivities(deps: ConversationSyncActivityDeps) {
  return {
    async startSyncRun(input: { tenantId: string; overlapMs: number; backfillMs: number }) {
      return domainCall(() => startSyncRun(deps, input));
    },

    /** Lists one page (oldest first) and hands each finished conversation the platform lacks to its workflow. */
    async syncConversationPage(input: {
      tenantId: string;
      after: string;
      cursor: string | null;
      pageSize: number;
    }): Promise<SyncPageResult> {
      const { tenantId } = input;
      const { account, keyFingerprint } = await elevenLabsAccountWithKeyOf(deps, tenantId);
      const page = await elevenLabsCall(
        () =>
          account.listConversations({
            after: new Date(input.after),
            cursor: input.cursor ?? undefined,
            pageSize: input.pageSize,
            order: 'oldest_first',
          }),
        { keyFingerprint },
      );
      const triaged = await domainCall(() =>
        triageListedConversations(deps, { tenantId, conversations: page.conversations.map(toListedConversation) }),
      );
      const queue = [...triaged.handOver];
      const handOver = async () => {
        for (let start = queue.shift(); start; start = queue.shift()) {
          await deps.conversations.deliver(start, { type: 'discovered' });
        }
      };
      await Promise.all(Array.from({ length: HAND_OVER_CONCURRENCY }, handOver));
      return {
        seen: page.conversations.length,
        found: triaged.handOver.length,
        passedUntil: triaged.passedUntil,
        blocked: triaged.blocked,
        nextCursor: page.nextCursor,
        hasMore: page.hasMore,
      };
    },

    async recordSyncResult(input: { tenantId: string; result: SyncResult }): Promise<void> {
      await domainCall(() => recordSyncResult(deps, input));
    },

    /**
     * Pauses the schedule for a refused key, unless the tenant has saved another key since (its save resumed the
     * schedule, and this must not undo that). A save landing between the check and the pause is caught by the
     * second look. Runs recorded before the fingerprint existed pause as they did.
     */
    async pauseConversationSync(input: { tenantId: string; note: string; keyFingerprint?: string }): Promise<void> {
      const { tenantId, keyFingerprint: fingerprint } = input;
      const stillHeld = () =>
        fingerprint ? domainCall(() => heldElevenLabsKey(deps, { tenantId, fingerprint })) : null;
      if ((await stillHeld())?.holds === false) return;
      await deps.syncSchedules.pause(tenantId, input.note);
      const after = await stillHeld();
      if (after && !after.holds && after.status === 'active') {
        await deps.syncSchedules.resume(tenantId, 'The ElevenLabs key was replaced');
      }
    },
  };
}

export type ConversationSyncActivities = ReturnType<typeof createConversationSyncActivities>;
