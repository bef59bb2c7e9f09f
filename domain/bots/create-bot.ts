import { Bot } from '../../db/entities';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { assertCan } from '../auth/permissions';
import { assertBotAllowance } from '../billing/assert-bot-allowance';
import { AppError } from '../errors/app-error';
import type { JobView } from '../../contracts/jobs';
import { startJob, type JobDeps } from '../provisioning/start-job';
import type { TenantStatus } from '../../contracts/tenant-status';
import { lockTenant } from '../tenants/lock-tenant';
import { tenantMayAddBots } from '../tenants/tenant-status';
import { DEFAULT_BOT_ROLE, type BotRole } from '../../contracts/bot-role';
import type { CreateBotBody } from '../../contracts/bots';
import { BOT_INITIAL_STATUS } from './bot-lifecycle';
import { toBotView } from './bot-view';
import type { BotView } from '../../contracts/bots';

/**
 * A platform admin adds a bot to a tenant within its plan's `maxBots` (429 beyond); provisioning starts at once and
 * reports its progress on the job.
 */
export async function createBot(
  deps: JobDeps,
  { actor, input }: { actor: Actor; input: Omit<CreateBotBody, 'role'> & { role?: BotRole } },
): Promise<{ bot: BotView; job: JobView }> {
  assertCan(actor, 'bots:manage');
  const bot = await inScope(deps.orm, scopeOf(actor), async (em) => {
    // Locked, so bots created at the same time are counted against the plan one after the other.
    const tenant = await lockTenant(em, input.tenantId);
    // A bot holds provider resources (app, number) that an unverified tenant's removal would otherwise strand.
    if (!tenantMayAddBots(tenant)) throw botsRefused(tenant.status);
    await assertBotAllowance(em, tenant.id);
    const created = em.create(Bot, { ...input, role: input.role ?? DEFAULT_BOT_ROLE, status: BOT_INITIAL_STATUS });
    await em.flush();
    return created;
  });
  const job = await startJob(deps, { actor, kind: 'provision', botId: bot.id, prepare: () => undefined });
  return { bot: toBotView(bot, actor), job };
}

const botsRefused = (status: TenantStatus) =>
  new AppError(
    'conflict',
    status === 'pending_verification' || status === 'active'
      ? 'The organisation has not confirmed its email address yet; bots can be added once it has'
      : `The organisation is ${status}; no new bots`,
  );
