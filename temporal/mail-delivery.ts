import type { Client } from '@temporalio/client';
import { deliverEmail } from '../workflows/deliver-email';
import { ignoringAlreadyStarted, type TemporalTarget } from './client';
import { TenantIdAttribute } from './search-attributes';

/**
 * Starts `deliverEmail` for one outbox row (`deliver-email-<outboxId>`). Handed over before, it is not started
 * again: the delivery's own status check makes a second one send nothing anyway.
 */
export async function startMailDelivery(
  client: Client,
  target: Pick<TemporalTarget, 'taskQueue'>,
  { outboxId, tenantId }: { outboxId: string; tenantId: string | null },
): Promise<void> {
  await ignoringAlreadyStarted(
    client.workflow.start(deliverEmail, {
      workflowId: `deliver-email-${outboxId}`,
      taskQueue: target.taskQueue,
      args: [{ outboxId }],
      typedSearchAttributes: tenantId ? [{ key: TenantIdAttribute, value: tenantId }] : [],
    }),
  );
}
