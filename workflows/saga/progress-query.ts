import { defineQuery } from '@temporalio/workflow';
import type { JobProgress } from '../../domain/provisioning/step-progress';

/** One query for every provisioning job (provision, rotate, deprovision), so a client asks without knowing which. */
export const provisioningProgressQuery = defineQuery<JobProgress>('provisioningProgress');
