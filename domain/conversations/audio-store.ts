import type { Readable } from 'node:stream';

/** A byte range, both ends inclusive (as in HTTP's `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where call recordings are kept: a folder under the data directory by default, an S3-compatible bucket when
 * configured. Keys are `audioKeyFor(...)`; writing the same key again replaces the recording. Tenant exports keep
 * their archives here too, under `exports/` (domain/tenant-export/export-keys.ts), apart from any tenant's folder.
 */
export interface AudioStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The recording's size in bytes; null when there is none. */
  size(key: string): Promise<number | null>;
  /** The whole recording or one range of it; null when there is none. */
  read(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Deletes the object; one that is not there is no error. */
  remove(key: string): Promise<void>;
  /**
   * Deletes every object whose key starts with `prefix`, a folder (it ends in `/`); returns how many went. An empty
   * folder is no error, so it may run again after a crash.
   */
  removePrefix(prefix: string): Promise<number>;
}

/** One recording per conversation, under its tenant. */
export const audioKeyFor = (tenantId: string, conversationId: string): string =>
  `${tenantId}/${encodeURIComponent(conversationId)}.mp3`;

/** The folder of every recording of a tenant (`audioKeyFor` puts them there), for removing them all at once. */
export const audioPrefixFor = (tenantId: string): string => `${tenantId}/`;
