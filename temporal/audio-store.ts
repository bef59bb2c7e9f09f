import path from 'node:path';
import { createDiskAudioStore } from '../activities/adapters/audio-store-disk';
import { createS3AudioStore } from '../activities/adapters/audio-store-s3';
import type { Env } from '../config/env';
import type { AudioStore } from '../domain/conversations/audio-store';

type AudioEnv = Pick<
  Env,
  | 'DATA_DIR'
  | 'AUDIO_DIR'
  | 'AUDIO_S3_ENDPOINT'
  | 'AUDIO_S3_BUCKET'
  | 'AUDIO_S3_REGION'
  | 'AUDIO_S3_ACCESS_KEY_ID'
  | 'AUDIO_S3_SECRET_ACCESS_KEY'
>;

const S3_SETTINGS = [
  'AUDIO_S3_ENDPOINT',
  'AUDIO_S3_BUCKET',
  'AUDIO_S3_ACCESS_KEY_ID',
  'AUDIO_S3_SECRET_ACCESS_KEY',
] as const;

/**
 * Where the API and the worker keep recordings: the S3-compatible bucket when AUDIO_S3_* is set, else files under
 * AUDIO_DIR (default `<DATA_DIR>/audio`). Half an S3 configuration is refused: recordings would otherwise go to
 * the disk of one machine while the operator believes them in the bucket.
 */
export function createAudioStoreFromEnv(env: AudioEnv): AudioStore {
  const given = S3_SETTINGS.filter((name) => env[name] !== undefined);
  if (given.length === 0) return createDiskAudioStore(path.resolve(env.AUDIO_DIR ?? path.join(env.DATA_DIR, 'audio')));
  if (given.length < S3_SETTINGS.length) {
    const missing = S3_SETTINGS.filter((name) => env[name] === undefined);
    throw new Error(
      `Recordings go to S3 only with all of ${S3_SETTINGS.join(', ')}: ${given.join(', ')} ` +
        `${given.length === 1 ? 'is' : 'are'} set, ${missing.join(', ')} missing. Set the rest, or unset them all ` +
        'to keep recordings on disk (AUDIO_DIR).',
    );
  }
  return createS3AudioStore({
    endpoint: env.AUDIO_S3_ENDPOINT!,
    bucket: env.AUDIO_S3_BUCKET!,
    region: env.AUDIO_S3_REGION,
    accessKeyId: env.AUDIO_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.AUDIO_S3_SECRET_ACCESS_KEY!,
  });
}
