import type { BotStatus } from '../../contracts/bot-status';
import { AppError } from '../errors/app-error';
import { allowsTransition, type TransitionRule } from '../transition-rule';

/** A bot is created `provisioning`, its first provisioning job queued with it (create-bot.ts). */
export const BOT_INITIAL_STATUS: BotStatus = 'provisioning';

/**
 * Every status change a bot may make, by its cause: the status it leads to and the statuses it may leave.
 * API use cases and worker activities alike change a bot's status only through these (record-bot-transition.ts).
 */
export const BOT_TRANSITIONS = {
  /** Worker: provisionBot's last step, once app, number, webhooks and health are in place. */
  provisioned: { from: ['provisioning'], to: 'ready' },
  /**
   * Worker: a provisioning run failed or was canceled and undid what it created. From `ready` too: a run that
   * fails after its mark_ready step (its final progress write) has deleted the app and released the number.
   */
  provisioning_failed: { from: ['provisioning', 'ready'], to: 'failed' },
  /** API: the provisioning run of a new or retried bot could not be started. */
  workflow_start_failed: { from: ['provisioning'], to: 'failed' },
  /** API: an admin retries a failed bot (`POST /api/bots/:id/retry`). */
  retry: { from: ['failed'], to: 'provisioning' },
  /** API: an admin deletes a bot (`DELETE /api/bots/:id`); a running provisioning must be canceled first. */
  delete: { from: ['ready', 'failed'], to: 'deprovisioning' },
  /** Worker: onboarding removes a tenant that never verified its email, releasing its bots first. */
  tenant_not_verified: { from: ['ready', 'failed'], to: 'deprovisioning' },
  /** Worker: offboarding a tenant releases every bot it has (workflows/offboard-tenant.ts). */
  tenant_offboarding: { from: ['ready', 'failed'], to: 'deprovisioning' },
  /** Worker: deprovisionBot's last step, once numbers are released and the app deleted. */
  deprovisioned: { from: ['deprovisioning'], to: 'deprovisioned' },
} as const satisfies Record<string, TransitionRule<BotStatus>>;

export type BotTransitionCause = keyof typeof BOT_TRANSITIONS;

export const BOT_TRANSITION_CAUSES = Object.keys(BOT_TRANSITIONS) as BotTransitionCause[];

/** Statuses in which a bot holds no provider resources: its app and number columns are cleared on entry. */
const RELEASED: readonly BotStatus[] = ['failed', 'deprovisioned'];

/** A status change the table does not allow: 409 at the API, a non-retryable failure in the worker. */
export class InvalidBotTransitionError extends AppError {
  constructor(
    readonly from: BotStatus,
    readonly to: BotStatus,
    readonly transitionCause: BotTransitionCause,
  ) {
    const rule: TransitionRule<BotStatus> = BOT_TRANSITIONS[transitionCause];
    super(
      'conflict',
      rule.to !== to
        ? `A bot's ${transitionCause} leads to ${rule.to}, not ${to}`
        : `Bot is ${from}; ${transitionCause.replaceAll('_', ' ')} needs it to be ${rule.from.join(' or ')}`,
    );
    this.name = 'InvalidBotTransitionError';
  }
}

export interface BotTransitionRecord {
  action: 'bot.transition';
  targetType: 'bot';
  targetId: string;
  tenantId: string;
  details: { from: BotStatus; to: BotStatus; cause: BotTransitionCause; reason?: string };
  /** What the bot row becomes: its status, its failure reason (only while failed), and whether it keeps resources. */
  status: BotStatus;
  failureReason: string | null;
  releasesResources: boolean;
}

export const canTransitionBot = (from: BotStatus, to: BotStatus, cause: BotTransitionCause): boolean =>
  allowsTransition<BotStatus>(BOT_TRANSITIONS[cause], from, to);

/**
 * Validates one status change of a bot and returns what to write: the audit record and the row's new status.
 * Pure: the caller writes it (record-bot-transition.ts). `reason` is required when the bot becomes `failed`.
 */
export function transitionBot(
  bot: { id: string; tenantId: string; status: BotStatus },
  to: BotStatus,
  cause: BotTransitionCause,
  reason?: string,
): BotTransitionRecord {
  if (!canTransitionBot(bot.status, to, cause)) throw new InvalidBotTransitionError(bot.status, to, cause);
  if (to === 'failed' && !reason) throw new AppError('bad_request', 'A bot becomes failed only with a reason');
  return {
    action: 'bot.transition',
    targetType: 'bot',
    targetId: bot.id,
    tenantId: bot.tenantId,
    details: { from: bot.status, to, cause, ...(reason ? { reason } : {}) },
    status: to,
    failureReason: to === 'failed' ? reason! : null,
    releasesResources: RELEASED.includes(to),
  };
}
