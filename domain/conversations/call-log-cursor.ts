import { AppError } from '../errors/app-error';

/**
 * Where a page of the history ends: the last row's start time in microseconds since the epoch (PostgreSQL's own
 * precision, so no row is skipped or repeated at a millisecond boundary) and its id. Opaque to clients.
 */
export interface CallLogCursor {
  startedAtMicros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = /^-?\d{1,17}$/;

export const encodeCallLogCursor = ({ startedAtMicros, id }: CallLogCursor): string =>
  Buffer.from(JSON.stringify([startedAtMicros, id])).toString('base64url');

/** The cursor a client sent back; anything that is not one this API made answers 400. */
export function decodeCallLogCursor(cursor: string): CallLogCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !MICROS.test(parsed[0]) ||
    !UUID.test(parsed[1])
  ) {
    throw new AppError('bad_request', 'The cursor is not one this list handed out', {
      errors: [{ path: 'querystring.cursor', message: 'pass back nextCursor of the page before, unchanged' }],
    });
  }
  return { startedAtMicros: parsed[0], id: parsed[1] };
}
