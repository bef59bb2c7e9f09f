import { z } from 'zod';

/** A sync under way, with how far it got. */
export const ConversationSyncRun = z
  .object({ workflowId: z.string(), pages: z.int(), seen: z.int(), found: z.int() })
  .meta({ id: 'ConversationSyncRun' });

/** The tenant's periodic ElevenLabs conversation sync, as the integrations page shows it. */
export const ConversationSyncStatus = z
  .object({
    /** The schedule exists and runs (false when there is none or it is paused because the key failed). */
    scheduled: z.boolean(),
    paused: z.boolean(),
    lastSyncedAt: z.string().nullable(),
    nextSyncAt: z.string().nullable(),
    /** Conversations the last completed sync found that the platform did not have yet. */
    lastFound: z.int(),
    lastError: z.string().nullable(),
    /** The sync running now, with its progress, or null. */
    running: ConversationSyncRun.nullable(),
    /** Temporal Web UI link to the schedule. */
    temporalUrl: z.string().nullable(),
  })
  .meta({ id: 'ConversationSyncStatus' });
export type ConversationSyncStatus = z.infer<typeof ConversationSyncStatus>;

/** A sync asked for by hand: the run that does it (one already under way is joined). */
export const ConversationSyncStarted = z
  .object({ workflowId: z.string(), temporalUrl: z.string().nullable() })
  .meta({ id: 'ConversationSyncStarted' });
export type ConversationSyncStarted = z.infer<typeof ConversationSyncStarted>;
