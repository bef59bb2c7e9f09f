import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES, STEP_STATUSES } from './provisioning-job';

export const StepProgress = z
  .object({
    name: z.string(),
    label: z.string(),
    status: z.enum(STEP_STATUSES),
    attempts: z.int().min(0),
    lastError: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'StepProgress' });
export type StepProgress = z.infer<typeof StepProgress>;

/** A provisioning job with every step's state, as the portals show it. */
export const JobView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    botId: z.uuid(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    steps: z.array(StepProgress),
    error: z.string().nullable(),
    workflowId: z.string(),
    /** The run in Temporal's Web UI: for platform operators only, null for customers. */
    workflowUrl: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'JobView' });
export type JobView = z.infer<typeof JobView>;

export const JobListQuery = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.enum(JOB_KINDS).optional(),
  tenantId: z.uuid().optional(),
  botId: z.uuid().optional(),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

/** A cancel request accepted: the run that will undo its work and stop. */
export const JobCancellation = z.object({ workflowId: z.string(), workflowUrl: z.string().nullable() });
export type JobCancellation = z.infer<typeof JobCancellation>;
