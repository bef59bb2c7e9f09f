/**
 * The error `promise` rejects with, checked to be a `type` when one is given. A promise that resolves fails the
 * test, so an assertion on the error can never pass for want of one.
 */
export async function failureOf<E = unknown>(
  promise: Promise<unknown>,
  type?: abstract new (...args: never[]) => E,
): Promise<E> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error('expected a failure, but the promise resolved');
  if (type) expect(outcome.error).toBeInstanceOf(type);
  return outcome.error as E;
}
