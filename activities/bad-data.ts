import { ApplicationFailure } from '@temporalio/activity';

/** SQLSTATE classes 22 (data exception) and 23 (integrity violation): the input is wrong, a retry cannot fix it. */
const BAD_DATA_CLASS = /^2[23]/;

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/**
 * Runs a database write and turns a refusal of its data into a non-retryable failure, so a workflow fails
 * visibly instead of retrying the same bad row forever; outages and timeouts stay retryable.
 */
export async function refusingBadData<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const state = sqlState(error);
    if (state && BAD_DATA_CLASS.test(state)) {
      throw ApplicationFailure.nonRetryable(
        `The database refused the data (SQLSTATE ${state}): ${(error as Error).message}`,
        'InvalidData',
      );
    }
    throw error;
  }
}
