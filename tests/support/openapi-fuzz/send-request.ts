import { applyDefect, type Defect, type DraftRequest } from './draft-request';
import { encodeRequest, type EncodedRequest } from './encode-request';
import type { FuzzWorld } from './fuzz-world';
import type { Operation } from './openapi-operations';
import { responseViolation } from './response-rules';

/** A request that hangs (an event stream a defect failed to stop) fails after this, instead of the whole run. */
const ANSWER_WITHIN_MS = 15_000;

const excerpt = (text: string, max = 160) =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/** The request in one line, control characters escaped, long parts cut: what a failure message shows. */
export function describeRequest(request: EncodedRequest, draft: DraftRequest, defects: Defect[]): string {
  const type = request.headers['content-type'] ?? 'no content type';
  const body = request.payload === undefined ? 'no body' : excerpt(request.payload);
  return `${request.method} ${excerpt(request.url, 200)} as ${draft.actor} (${type}, ${body}) [${defects.map((d) => d.label).join(' + ')}]`;
}

/** Applies the defects, sends the request, and returns what is wrong with the answer (null when nothing is). */
export async function sendMalformed(
  world: FuzzWorld,
  operation: Operation,
  base: DraftRequest,
  defects: Defect[],
): Promise<string | null> {
  const draft = defects.reduce(applyDefect, base);
  const request = encodeRequest(operation, draft, world);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    const response = await Promise.race([world.h.app.inject(request), timeout]);
    const violation = responseViolation(request.method, response);
    return violation && `${describeRequest(request, draft, defects)} ${violation}`;
  } catch (error) {
    return `${describeRequest(request, draft, defects)} failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
