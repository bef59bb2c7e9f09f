import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from '../config/env';
import { audioKeyFor } from '../domain/conversations/audio-store';
import { startS3Simulator, type RunningS3Simulator } from '../sim/s3/s3-simulator';
import { createAudioStoreFromEnv } from './audio-store';

const TENANT = '0b8f2a52-4f7e-4d4a-8f0e-3c1e2d9b7a61';

describe('createAudioStoreFromEnv', () => {
  let dataDir: string;
  let s3: RunningS3Simulator;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'voiceplane-data-'));
    s3 = await startS3Simulator({ buckets: ['calls'] });
  });
  afterAll(async () => {
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps recordings under <DATA_DIR>/audio when nothing else is configured', async () => {
    const store = createAudioStoreFromEnv(parseEnv({ DATA_DIR: dataDir }));
    await store.put(audioKeyFor(TENANT, 'conv_default'), Buffer.from('ID3'));
    await expect(stat(path.join(dataDir, 'audio', TENANT, 'conv_default.mp3'))).resolves.toMatchObject({ size: 3 });
  });

  it('keeps them under AUDIO_DIR when it is set', async () => {
    const audioDir = path.join(dataDir, 'elsewhere');
    const store = createAudioStoreFromEnv(parseEnv({ DATA_DIR: dataDir, AUDIO_DIR: audioDir }));
    await store.put(audioKeyFor(TENANT, 'conv_dir'), Buffer.from('ID3!'));
    await expect(stat(path.join(audioDir, TENANT, 'conv_dir.mp3'))).resolves.toMatchObject({ size: 4 });
  });

  it('keeps them in the S3 bucket when endpoint, bucket and keys are all set', async () => {
    const store = createAudioStoreFromEnv(
      parseEnv({
        DATA_DIR: dataDir,
        AUDIO_S3_ENDPOINT: s3.url,
        AUDIO_S3_BUCKET: 'calls',
        AUDIO_S3_REGION: s3.credentials.region,
        AUDIO_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AUDIO_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      }),
    );
    const key = audioKeyFor(TENANT, 'conv_s3');
    await store.put(key, Buffer.from('ID3 in the bucket'));
    expect(s3.objects.get(`calls/${key}`)?.toString()).toBe('ID3 in the bucket');
    await expect(stat(path.join(dataDir, 'audio', TENANT, 'conv_s3.mp3'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses half an S3 configuration, naming what is set and what is missing', () => {
    expect(() =>
      createAudioStoreFromEnv(parseEnv({ DATA_DIR: dataDir, AUDIO_S3_ENDPOINT: s3.url, AUDIO_S3_BUCKET: 'calls' })),
    ).toThrow('AUDIO_S3_ENDPOINT, AUDIO_S3_BUCKET are set, AUDIO_S3_ACCESS_KEY_ID, AUDIO_S3_SECRET_ACCESS_KEY missing');
    expect(() => createAudioStoreFromEnv(parseEnv({ DATA_DIR: dataDir, AUDIO_S3_SECRET_ACCESS_KEY: 'x' }))).toThrow(
      /AUDIO_S3_SECRET_ACCESS_KEY is set, AUDIO_S3_ENDPOINT, AUDIO_S3_BUCKET, AUDIO_S3_ACCESS_KEY_ID missing/,
    );
  });
});
