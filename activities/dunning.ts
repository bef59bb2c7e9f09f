import type { Orm } from '../db/orm';
import type { SystemActor } from '../domain/auth/actor';
import { beginDunning } from '../domain/billing/begin-dunning';
import type { DunningStanding } from '../domain/billing/dunning-standing';
import { queueDunningReminder, type DunningStepResult } from '../domain/billing/queue-dunning-reminder';
import { readDunningStanding } from '../domain/billing/read-dunning-standing';
import { suspendForNonpayment, type SuspensionResult } from '../domain/billing/suspend-for-nonpayment';
import { domainCall } from './domain-failure';

export interface DunningActivityDeps {
  orm: Orm;
  publicBaseUrl: string;
}

const actor: SystemActor = { system: 'dunning' };

/**
 * The dunning workflow's steps, each one domain use case. Each re-reads the subscription and acts only while it
 * is still past due, so a payment or cancellation that came first is respected; mails are queued once per step
 * and delivered by the existing outbox activity (`deliverQueuedEmail`), so a retry never mails twice.
 */
export function createDunningActivities(deps: DunningActivityDeps) {
  return {
    async beginDunning(input: { tenantId: string; graceMs: number }): Promise<DunningStanding> {
      return domainCall(() => beginDunning(deps, { actor, ...input }));
    },

    async readDunningStanding(tenantId: string): Promise<DunningStanding> {
      return domainCall(() => readDunningStanding(deps, { tenantId }));
    },

    async queueDunningReminder(input: { tenantId: string; number: number; total: number }): Promise<DunningStepResult> {
      return domainCall(() => queueDunningReminder(deps, { actor, ...input }));
    },

    async suspendForNonpayment(tenantId: string): Promise<SuspensionResult> {
      return domainCall(() => suspendForNonpayment(deps, { actor, tenantId }));
    },
  };
}

export type DunningActivities = ReturnType<typeof createDunningActivities>;
