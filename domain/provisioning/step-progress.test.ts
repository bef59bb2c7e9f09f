import { JOB_STATUSES, ROTATE_STEPS } from '../../contracts/provisioning-job';
import { initialProgress, isTerminal, updateStep } from './step-progress';

describe('provisioning step progress', () => {
  it('starts running with every planned step pending, in plan order', () => {
    const progress = initialProgress(ROTATE_STEPS);
    expect(progress.status).toBe('running');
    expect(progress.error).toBeNull();
    expect(progress.steps.map((step) => [step.name, step.status, step.attempts])).toEqual(
      ROTATE_STEPS.map((step) => [step.name, 'pending', 0]),
    );
    expect(progress.steps[0]).toEqual({
      name: 'buy_number',
      label: 'Buy a new Twilio number',
      status: 'pending',
      attempts: 0,
      lastError: null,
      startedAt: null,
      finishedAt: null,
    });
  });

  it('records a failed step, its compensation and the steps skipped after it, leaving the others as they were', () => {
    const started = initialProgress(ROTATE_STEPS);
    const failed = updateStep(started, 'configure_webhooks', {
      status: 'failed',
      attempts: 3,
      lastError: 'Twilio answered 500',
      finishedAt: '2026-01-01T00:00:03.000Z',
    });
    const compensated = updateStep(failed, 'buy_number', { status: 'compensated' });
    const skipped = ['verify_number', 'switch_number', 'release_old_number'].reduce(
      (progress, name) => updateStep(progress, name, { status: 'skipped' }),
      compensated,
    );

    expect(skipped.steps.map((step) => step.status)).toEqual([
      'compensated',
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(skipped.steps[1]).toMatchObject({
      attempts: 3,
      lastError: 'Twilio answered 500',
      label: ROTATE_STEPS[1].label,
    });
    // Each update is a copy: the workflow's earlier snapshots (already mirrored to the database) stay as sent.
    expect(started.steps.every((step) => step.status === 'pending')).toBe(true);
    expect(failed.steps[0]!.status).toBe('pending');
    expect(skipped.status).toBe('running');
  });

  it('refuses a step that is not in the plan', () => {
    const progress = initialProgress(ROTATE_STEPS);
    expect(() => updateStep(progress, 'create_app', { status: 'done' })).toThrow('unknown step create_app');
  });

  it('treats done, error and canceled as the end of a job, queued and running not', () => {
    expect(JOB_STATUSES.filter(isTerminal)).toEqual(['done', 'error', 'canceled']);
  });
});
