import { BOT_STATUSES, type BotStatus } from '../../contracts/bot-status';
import {
  BOT_TRANSITION_CAUSES,
  canTransitionBot,
  InvalidBotTransitionError,
  transitionBot,
  type BotTransitionCause,
} from './bot-lifecycle';

const bot = (status: BotStatus) => ({ id: 'bot-1', tenantId: 'tenant-1', status });

describe('bot lifecycle', () => {
  const allowed: [BotStatus, BotStatus, BotTransitionCause][] = [
    ['provisioning', 'ready', 'provisioned'],
    ['provisioning', 'failed', 'provisioning_failed'],
    ['ready', 'failed', 'provisioning_failed'],
    ['provisioning', 'failed', 'workflow_start_failed'],
    ['failed', 'provisioning', 'retry'],
    ['ready', 'deprovisioning', 'delete'],
    ['failed', 'deprovisioning', 'delete'],
    ['ready', 'deprovisioning', 'tenant_not_verified'],
    ['failed', 'deprovisioning', 'tenant_not_verified'],
    ['ready', 'deprovisioning', 'tenant_offboarding'],
    ['failed', 'deprovisioning', 'tenant_offboarding'],
    ['deprovisioning', 'deprovisioned', 'deprovisioned'],
  ];

  it('allows exactly the listed transitions', () => {
    const every = BOT_STATUSES.flatMap((from) =>
      BOT_STATUSES.flatMap((to) =>
        BOT_TRANSITION_CAUSES.filter((cause) => canTransitionBot(from, to, cause)).map((cause) => [from, to, cause]),
      ),
    );
    expect(every).toEqual(expect.arrayContaining(allowed));
    expect(every).toHaveLength(allowed.length);
  });

  it.each(allowed)('%s → %s (%s) returns the audit record and the new row', (from, to, cause) => {
    const reason = to === 'failed' ? 'buy_number: no numbers' : undefined;
    const record = transitionBot(bot(from), to, cause, reason);
    expect(record).toMatchObject({
      action: 'bot.transition',
      targetType: 'bot',
      targetId: 'bot-1',
      tenantId: 'tenant-1',
      details: { from, to, cause },
      status: to,
      failureReason: reason ?? null,
      releasesResources: to === 'failed' || to === 'deprovisioned',
    });
  });

  it.each<[BotStatus, BotStatus, BotTransitionCause]>([
    ['provisioning', 'deprovisioning', 'delete'],
    ['deprovisioning', 'deprovisioning', 'delete'],
    ['deprovisioned', 'provisioning', 'retry'],
    ['ready', 'provisioning', 'retry'],
    ['failed', 'ready', 'provisioned'],
    ['deprovisioned', 'deprovisioning', 'tenant_not_verified'],
    ['ready', 'deprovisioned', 'delete'],
  ])('refuses %s → %s (%s) with a 409', (from, to, cause) => {
    const attempt = () => transitionBot(bot(from), to, cause, 'why');
    expect(attempt).toThrow(InvalidBotTransitionError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'conflict', status: 409 }));
  });

  it('names the statuses a refused cause needs', () => {
    expect(() => transitionBot(bot('provisioning'), 'deprovisioning', 'delete')).toThrow(
      'Bot is provisioning; delete needs it to be ready or failed',
    );
  });

  it('keeps a reason only while failed, and requires one to fail', () => {
    expect(() => transitionBot(bot('provisioning'), 'failed', 'provisioning_failed')).toThrow(/with a reason/);
    expect(transitionBot(bot('failed'), 'provisioning', 'retry', 'ignored').failureReason).toBeNull();
  });
});
