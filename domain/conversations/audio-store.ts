import type { Readable } from 'node:stream';

/** A byte range, both ends inclusive (as in HTTP's `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where call recordings are kept: a folder under the data directory by default, an S3-compatible bucket when
 * configured. Keys are `audioKeyFor(...)`; writing the same key again replaces the recording.
 */
export interface AudioStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The recording's size in bytes; null when there is none. */
  size(key: string): Promise<number | null>;
  /** The whole recording or one range of it; null when there is none. */
  read(key: string, range?: ByteRange): Promise<Readable | null>;
}

/** One recording per conversation, under its tenant. */
export const audioKeyFor = (tenantId: string, conversationId: string): string =>
  `${tenantId}/${encodeURIComponent(conversationId)}.mp3`;
