import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The download link's token: an HMAC of the export id under a key derived from SECRET_KEY, so the API can show the
 * link again to whoever may see the export, while the database keeps only its SHA-256 (`download_token_hash`).
 */
export const exportTokenKey = (secretKey: string): Buffer =>
  createHmac('sha256', secretKey).update('voiceplane/tenant-export-download').digest();

export const downloadTokenFor = (tokenKey: Uint8Array, exportId: string): string =>
  createHmac('sha256', tokenKey).update(exportId).digest('base64url');

export const hashDownloadToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Compares a presented token with the stored hash in constant time (both are SHA-256 hex digests). */
export function downloadTokenMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashDownloadToken(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
