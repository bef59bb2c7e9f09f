import { createHash } from 'node:crypto';

/**
 * Names the sealed key an integration holds, without the key: a sync run that ElevenLabs refused carries it, so
 * what the run does about the refusal (mark ERROR, pause the schedule) applies only while that key is still held.
 * Re-sealing under a rotated secret changes it too; a refusal met during a rotation is then left to the next run.
 */
export const keyFingerprint = (secretCiphertext: string): string =>
  createHash('sha256').update(secretCiphertext).digest('hex').slice(0, 16);
