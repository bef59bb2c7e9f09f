import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { startS3Simulator, type RunningS3Simulator } from '../../sim/s3/s3-simulator';
import { audioKeyFor, type AudioStore } from '../../domain/conversations/audio-store';
import { createDiskAudioStore } from './audio-store-disk';
import { createS3AudioStore, S3RequestError } from './audio-store-s3';

const TENANT = '6f1c3f0e-8d4b-4c39-9a51-0c5f3f6b2a10';

async function bytesOf(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** 2,000 bytes that differ at every position, so a range read from the wrong offset shows. */
const recording = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7 + (i >> 8)) % 256));

/** One contract, every store: what the API and the worker rely on, whichever is configured. */
describe.each([
  ['disk', 'disk'],
  ['S3 (simulated, SigV4 checked)', 's3'],
] as const)('audio store: %s', (_, kind) => {
  let store: AudioStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'disk') {
      const root = await mkdtemp(path.join(tmpdir(), 'voiceplane-audio-'));
      store = createDiskAudioStore(root);
      cleanup = () => rm(root, { recursive: true, force: true });
    } else {
      const s3 = await startS3Simulator({ buckets: ['recordings'] });
      store = createS3AudioStore({ endpoint: s3.url, bucket: 'recordings', ...s3.credentials });
      cleanup = () => s3.stop();
    }
  });
  afterAll(() => cleanup());

  it('keeps a recording and tells its size', async () => {
    const key = audioKeyFor(TENANT, 'conv_size');
    await store.put(key, recording);
    await expect(store.size(key)).resolves.toBe(recording.length);
  });

  it('reads a recording whole', async () => {
    const key = audioKeyFor(TENANT, 'conv_whole');
    await store.put(key, recording);
    await expect(bytesOf(await store.read(key))).resolves.toEqual(recording);
  });

  it('reads one range, both ends included, including the last byte', async () => {
    const key = audioKeyFor(TENANT, 'conv_range');
    await store.put(key, recording);
    await expect(bytesOf(await store.read(key, { start: 100, end: 199 }))).resolves.toEqual(
      recording.subarray(100, 200),
    );
    await expect(bytesOf(await store.read(key, { start: 1999, end: 1999 }))).resolves.toEqual(recording.subarray(1999));
  });

  it('answers null for a recording it does not have', async () => {
    const key = audioKeyFor(TENANT, 'conv_missing');
    await expect(store.size(key)).resolves.toBeNull();
    await expect(store.read(key)).resolves.toBeNull();
    await expect(store.read(key, { start: 0, end: 9 })).resolves.toBeNull();
  });

  it('replaces a recording written again under the same key', async () => {
    const key = audioKeyFor(TENANT, 'conv_again');
    await store.put(key, recording);
    const shorter = Buffer.from('ID3 a shorter take');
    await store.put(key, shorter);
    await expect(store.size(key)).resolves.toBe(shorter.length);
    await expect(bytesOf(await store.read(key))).resolves.toEqual(shorter);
  });

  it('keeps conversation ids with characters that need encoding apart', async () => {
    const odd = audioKeyFor(TENANT, 'conv/with space+plus?');
    const plain = audioKeyFor(TENANT, 'conv_with_space_plus_');
    await store.put(odd, Buffer.from('odd'));
    await store.put(plain, Buffer.from('plain'));
    await expect(bytesOf(await store.read(odd))).resolves.toEqual(Buffer.from('odd'));
  });
});

describe('S3 audio store against a store that checks signatures', () => {
  let s3: RunningS3Simulator;
  beforeAll(async () => {
    s3 = await startS3Simulator({ buckets: ['recordings'] });
  });
  afterAll(() => s3.stop());

  it('addresses objects path-style: PUT, HEAD and ranged GET under /<bucket>/<key>', async () => {
    const store = createS3AudioStore({ endpoint: `${s3.url}/`, bucket: 'recordings', ...s3.credentials });
    const key = audioKeyFor(TENANT, 'conv_paths');
    await store.put(key, recording);
    await store.size(key);
    await bytesOf(await store.read(key, { start: 0, end: 9 }));
    expect(s3.objects.get(`recordings/${key}`)).toEqual(recording);
    expect(s3.requests.filter((request) => request.key === key)).toEqual([
      { method: 'PUT', bucket: 'recordings', key, range: null, status: 200 },
      { method: 'HEAD', bucket: 'recordings', key, range: null, status: 200 },
      { method: 'GET', bucket: 'recordings', key, range: 'bytes=0-9', status: 206 },
    ]);
  });

  it.each([
    ['a wrong secret', { secretAccessKey: 'not-the-secret' }, 'SignatureDoesNotMatch'],
    ['an unknown access key', { accessKeyId: 'AKIAUNKNOWN000000000' }, 'InvalidAccessKeyId'],
    ['another region', { region: 'us-west-2' }, 'AuthorizationHeaderMalformed'],
    ['a clock an hour off', { now: () => new Date(Date.now() - 3_600_000) }, 'RequestTimeTooSkewed'],
  ])('is refused when it signs with %s, and writes nothing', async (_, override, code) => {
    const store = createS3AudioStore({ endpoint: s3.url, bucket: 'recordings', ...s3.credentials, ...override });
    const key = audioKeyFor(TENANT, `conv_refused_${code}`);
    const refused = store.put(key, recording);
    await expect(refused).rejects.toBeInstanceOf(S3RequestError);
    await expect(refused).rejects.toMatchObject({ code });
    await expect(store.size(key)).rejects.toMatchObject({ status: expect.any(Number) });
    expect(s3.objects.has(`recordings/${key}`)).toBe(false);
  });

  it('fails loudly for a bucket that does not exist', async () => {
    const store = createS3AudioStore({ endpoint: s3.url, bucket: 'elsewhere', ...s3.credentials });
    await expect(store.put(audioKeyFor(TENANT, 'conv_nobucket'), recording)).rejects.toMatchObject({
      status: 404,
      code: 'NoSuchBucket',
    });
  });
});
