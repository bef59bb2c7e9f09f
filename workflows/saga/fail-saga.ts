import { ApplicationFailure, CancellationScope, isCancellation } from '@temporalio/workflow';
import type { Saga } from './saga';
import { failureMessage, StepFailedError, type StepRunner } from './step-runner';

/**
 * The end of a saga that failed or was canceled: undo what it created (even while being canceled), record why,
 * then fail the run so it shows as failed in Temporal's UI (a cancellation stays a cancellation).
 */
export async function failSaga(
  error: unknown,
  saga: Saga,
  runner: StepRunner,
  options: { failureType: string; markFailed?: (reason: string) => Promise<void> },
): Promise<never> {
  const canceled = isCancellation(error);
  const reason = canceled
    ? 'Canceled by an administrator'
    : error instanceof StepFailedError
      ? error.message
      : failureMessage(error);
  const message = await CancellationScope.nonCancellable(async () => {
    if (canceled) await runner.interrupt(reason);
    const problems = await saga.compensate((step) => runner.compensated(step));
    const text = problems.length ? `${reason} (clean-up incomplete: ${problems.join('; ')})` : reason;
    await options.markFailed?.(text);
    await runner.finish(canceled ? 'canceled' : 'error', text);
    return text;
  });
  if (canceled) throw error;
  throw ApplicationFailure.nonRetryable(message, options.failureType);
}
