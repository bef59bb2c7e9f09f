import { z } from 'zod';
import { StepProgress } from './jobs';
import { OFFBOARDING_RUN_STATUSES } from './offboarding-steps';

/**
 * A tenant's offboarding as the admin portal shows it. Read from the run record, which outlives the tenant and
 * holds no personal data: no name, slug or email, only ids, step statuses and timestamps.
 */
export const OffboardingRunView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    status: z.enum(OFFBOARDING_RUN_STATUSES),
    steps: z.array(StepProgress),
    error: z.string().nullable(),
    workflowId: z.string(),
    /** The run in Temporal's Web UI, for operators. */
    workflowUrl: z.string().nullable(),
    /** The tenant export the run made (kept for its retention period), once it is requested. */
    exportId: z.uuid().nullable(),
    requestedBy: z.uuid().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'OffboardingRunView' });
export type OffboardingRunView = z.infer<typeof OffboardingRunView>;
