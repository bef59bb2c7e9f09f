/** Provisioning jobs: what a job does, where it stands, where each of its steps stands. */
export const JOB_KINDS = ['provision', 'rotate_number', 'deprovision'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'error', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const STEP_STATUSES = ['pending', 'running', 'retrying', 'done', 'failed', 'compensated', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface PlannedStep {
  readonly name: string;
  /** What people see for the step. */
  readonly label: string;
}

/** A planned step as progress reports it before the step has started (workflows start from it, the web shows it). */
export const pendingStep = ({ name, label }: PlannedStep) => ({
  name,
  label,
  status: 'pending' as StepStatus,
  attempts: 0,
  lastError: null,
  startedAt: null,
  finishedAt: null,
});

/** The provisioning saga's steps in order. */
export const PROVISION_STEPS = [
  { name: 'create_app', label: 'Create Heroku app from the voice-bot template' },
  { name: 'set_config', label: 'Set config vars' },
  { name: 'scale_formation', label: 'Scale the web dyno up' },
  { name: 'buy_number', label: 'Buy a Twilio number' },
  { name: 'configure_webhooks', label: 'Point the number’s webhooks at the platform' },
  { name: 'health_check', label: 'Wait until the app is healthy' },
  { name: 'mark_ready', label: 'Mark the bot ready' },
] as const satisfies readonly PlannedStep[];

export const ROTATE_STEPS = [
  { name: 'buy_number', label: 'Buy a new Twilio number' },
  { name: 'configure_webhooks', label: 'Point the new number’s webhooks at the platform' },
  { name: 'verify_number', label: 'Verify the new number' },
  { name: 'switch_number', label: 'Switch the bot to the new number' },
  { name: 'release_old_number', label: 'Release the old number' },
] as const satisfies readonly PlannedStep[];

export const DEPROVISION_STEPS = [
  { name: 'release_number', label: 'Release the Twilio number' },
  { name: 'delete_app', label: 'Delete the Heroku app' },
  { name: 'mark_deprovisioned', label: 'Mark the bot deprovisioned' },
] as const satisfies readonly PlannedStep[];

/** Each job kind's step plan: the workflows run it, the web shows it before the first progress arrives. */
export const STEP_PLANS: Record<JobKind, readonly PlannedStep[]> = {
  provision: PROVISION_STEPS,
  rotate_number: ROTATE_STEPS,
  deprovision: DEPROVISION_STEPS,
};
