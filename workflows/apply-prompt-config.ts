import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { PromptConfigActivities } from '../activities/prompt-config';

export interface ApplyPromptConfigInput {
  tenantId: string;
  /** The saved version this run rolls out (it applies that version or a newer one). */
  version: number;
}

export interface ApplyPromptConfigResult {
  /** The newest version every bot was given. */
  version: number;
  applied: string[];
  /** Bots that run no app (any more). */
  skipped: string[];
  rounds: number;
}

/** One run per saved version: `apply-prompt-config-<tenantId>-<version>`. */
export const applyPromptConfigWorkflowId = (tenantId: string, version: number) =>
  `apply-prompt-config-${tenantId}-${version}`;

/** A save made while a round ran starts its own run; this one re-applies at most this often before it ends. */
const MAX_ROUNDS = 3;

// Bounded: a version that has not committed, or a Heroku outage, gets a few minutes; refusals fail at once.
const { listPromptTargets, applyBotPrompt } = proxyActivities<PromptConfigActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 8 },
});

/**
 * Gives every bot of the tenant that runs an app the prompt built from the tenant's current settings (config vars
 * BOT_PROMPT, BOT_GREETING, …). Setting the same vars twice changes nothing, so repeats are harmless. A round that
 * may have written an older version than the one now committed (a save landed meanwhile) is repeated, so the bots
 * end on the newest settings whichever run writes last. One bot's failure does not stop the others; the run then
 * fails naming them, so it shows in Temporal.
 */
export async function applyPromptConfig(input: ApplyPromptConfigInput): Promise<ApplyPromptConfigResult> {
  let targets = await listPromptTargets({ tenantId: input.tenantId, atLeastVersion: input.version });
  for (let round = 1; ; round += 1) {
    const applied: string[] = [];
    const skipped: string[] = [];
    const failed: string[] = [];
    let oldest = Number.POSITIVE_INFINITY;
    for (const botId of targets.botIds) {
      try {
        const version = await applyBotPrompt({ botId });
        if (version === null) skipped.push(botId);
        else {
          applied.push(botId);
          oldest = Math.min(oldest, version);
        }
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        failed.push(botId);
      }
    }
    if (failed.length > 0) {
      throw ApplicationFailure.nonRetryable(
        `The prompt could not be set on ${failed.length} bot(s): ${failed.join(', ')}`,
        'PromptRolloutFailed',
      );
    }
    const now = await listPromptTargets({ tenantId: input.tenantId, atLeastVersion: input.version });
    const newBots = now.botIds.some((botId) => !targets.botIds.includes(botId));
    if ((oldest >= now.version && !newBots) || round === MAX_ROUNDS) {
      return { version: now.version, applied, skipped, rounds: round };
    }
    targets = now;
  }
}
