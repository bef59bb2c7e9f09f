import { JOB_STATUSES, type JobStatus } from '../../contracts/provisioning-job';
import {
  canTransitionJob,
  InvalidJobTransitionError,
  JOB_TRANSITION_CAUSES,
  PROGRESS_CAUSES,
  transitionJob,
  type JobTransitionCause,
} from './job-lifecycle';

const job = (status: JobStatus) => ({ id: 'job-1', tenantId: 'tenant-1', botId: 'bot-1', kind: 'provision', status });

describe('provisioning job lifecycle', () => {
  const allowed: [JobStatus, JobStatus, JobTransitionCause][] = [
    ['queued', 'running', 'started'],
    ['running', 'done', 'succeeded'],
    ['queued', 'error', 'failed'],
    ['running', 'error', 'failed'],
    ['queued', 'canceled', 'canceled'],
    ['running', 'canceled', 'canceled'],
    ['queued', 'error', 'start_failed'],
  ];

  it('allows exactly the listed transitions', () => {
    const every = JOB_STATUSES.flatMap((from) =>
      JOB_STATUSES.flatMap((to) =>
        JOB_TRANSITION_CAUSES.filter((cause) => canTransitionJob(from, to, cause)).map((cause) => [from, to, cause]),
      ),
    );
    expect(every).toEqual(expect.arrayContaining(allowed));
    expect(every).toHaveLength(allowed.length);
  });

  it.each(allowed)('%s → %s (%s) returns the audit record and the new row', (from, to, cause) => {
    const record = transitionJob(job(from), to, cause, 'create_app: quota exceeded');
    const keepsReason = to === 'error' || to === 'canceled';
    expect(record).toEqual({
      action: 'job.transition',
      targetType: 'provisioning_job',
      targetId: 'job-1',
      tenantId: 'tenant-1',
      details: {
        from,
        to,
        cause,
        botId: 'bot-1',
        kind: 'provision',
        ...(keepsReason ? { reason: 'create_app: quota exceeded' } : {}),
      },
      status: to,
      error: keepsReason ? 'create_app: quota exceeded' : null,
      finished: to !== 'running',
    });
  });

  it('never leaves a final status', () => {
    for (const from of ['done', 'error', 'canceled'] as const) {
      const out = JOB_STATUSES.flatMap((to) =>
        JOB_TRANSITION_CAUSES.filter((cause) => canTransitionJob(from, to, cause)),
      );
      expect({ from, out }).toEqual({ from, out: [] });
    }
  });

  it.each<[JobStatus, JobStatus, JobTransitionCause]>([
    ['running', 'running', 'started'],
    ['queued', 'done', 'succeeded'],
    ['done', 'error', 'failed'],
    ['canceled', 'running', 'started'],
    ['running', 'error', 'start_failed'],
    ['error', 'canceled', 'canceled'],
    ['running', 'done', 'failed'],
  ])('refuses %s → %s (%s) with a 409', (from, to, cause) => {
    const attempt = () => transitionJob(job(from), to, cause, 'why');
    expect(attempt).toThrow(InvalidJobTransitionError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'conflict', status: 409 }));
  });

  it('fails a job only with a reason', () => {
    expect(() => transitionJob(job('running'), 'error', 'failed', null)).toThrow(/only with a reason/);
    expect(transitionJob(job('running'), 'canceled', 'canceled').error).toBeNull();
  });

  it('maps every status a workflow reports to the cause that leads there', () => {
    for (const [status, cause] of Object.entries(PROGRESS_CAUSES)) {
      expect(JOB_STATUSES.some((from) => canTransitionJob(from, status as JobStatus, cause))).toBe(true);
    }
  });
});
