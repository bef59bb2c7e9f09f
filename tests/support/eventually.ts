/**
 * Polls `read` until `accept` holds for its value and returns that value; after `timeoutMs` it throws with the
 * last value seen (and `what` was awaited), so a test that waits for a state fails where it waited.
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100, what = 'a value to accept' }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What the test waits for, for the timeout's message. */
  what?: string;
}
