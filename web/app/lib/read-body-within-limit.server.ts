/**
 * Reads a request body into memory, but never more than `limitBytes` of it: past the limit it stops reading and
 * answers 'too-large', so a client streaming gigabytes (chunked, no Content-Length) costs at most the limit.
 *
 * The stream is left as it is rather than cancelled: under Express cancelling destroys the socket, and the client
 * would see a reset instead of the 413 it is owed.
 */
export async function readBodyWithinLimit(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) return 'too-large';
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
