import type { PlannedStep } from './provisioning-job';

/** Where a tenant's offboarding run stands; `done` and `error` are final, an `error` run is resumed by a new start. */
export const OFFBOARDING_RUN_STATUSES = ['running', 'done', 'error'] as const;
export type OffboardingRunStatus = (typeof OFFBOARDING_RUN_STATUSES)[number];

/**
 * The offboarding saga's steps in order (workflows/offboard-tenant.ts); the web shows them before progress arrives.
 * `delete_customer` and `delete_recordings` came with a patch: runs started before it show them `skipped`.
 */
export const OFFBOARDING_STEPS = [
  { name: 'mark_offboarding', label: 'Mark the tenant offboarding (sign-in and calls refused)' },
  { name: 'export', label: 'Export the tenant’s data for the retention period' },
  { name: 'cancel_subscription', label: 'Cancel the Stripe subscription' },
  { name: 'delete_customer', label: 'Delete the Stripe customer' },
  { name: 'deprovision_bots', label: 'Deprovision every bot (numbers released, apps deleted)' },
  { name: 'stop_sync', label: 'Stop the ElevenLabs sync and delete the integration' },
  { name: 'delete_recordings', label: 'Delete every call recording' },
  { name: 'delete_rows', label: 'Delete every row of the tenant' },
  { name: 'record_audit', label: 'Record the offboarding in the audit log' },
] as const satisfies readonly PlannedStep[];
export type OffboardingStepName = (typeof OFFBOARDING_STEPS)[number]['name'];
