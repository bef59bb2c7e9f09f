import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { getFreePort } from '../../tests/support/free-port';
import { startScriptedHttp } from '../../tests/support/scripted-http';
import { startS3Simulator, type RunningS3Simulator } from '../../sim/s3/s3-simulator';
import { audioKeyFor, audioPrefixFor, type AudioStore } from '../../domain/conversations/audio-store';
import { createDiskAudioStore } from './audio-store-disk';
import { createS3AudioStore, S3RequestError, type S3AudioStoreConfig } from './audio-store-s3';

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

  it('removes an object, and removing one that is not there is no error', async () => {
    const key = 'exports/0b6c3d2e-1f4a-4b5c-8d9e-0a1b2c3d4e5f.zip';
    await store.put(key, recording);
    await store.remove(key);
    await expect(store.size(key)).resolves.toBeNull();
    await expect(store.remove(key)).resolves.toBeUndefined();
  });

  it("removes every recording of one tenant's folder and nothing else, and again finds none", async () => {
    const [gone, kept] = ['1d0c9a2b-3e4f-4a5b-8c6d-7e8f9a0b1c2d', '1d0c9a2b-3e4f-4a5b-8c6d-7e8f9a0b1c2e'];
    const goneKeys = ['conv_a', 'conv/odd name+?', "conv_(x)!'*&"].map((id) => audioKeyFor(gone, id));
    for (const key of goneKeys) await store.put(key, recording);
    const keptKey = audioKeyFor(kept, 'conv_a');
    const exportKey = `exports/${gone}.zip`;
    await store.put(keptKey, recording);
    await store.put(exportKey, recording);

    await expect(store.removePrefix(audioPrefixFor(gone))).resolves.toBe(goneKeys.length);
    for (const key of goneKeys) await expect(store.size(key)).resolves.toBeNull();
    await expect(store.size(keptKey)).resolves.toBe(recording.length);
    await expect(store.size(exportKey)).resolves.toBe(recording.length);
    await expect(store.removePrefix(audioPrefixFor(gone))).resolves.toBe(0);
    await expect(store.removePrefix(gone)).rejects.toThrow('not a folder');
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

  it('removes a folder of more than one page: a listing and a DeleteObjects per thousand keys', async () => {
    const store = createS3AudioStore({ endpoint: s3.url, bucket: 'recordings', ...s3.credentials });
    const tenant = '2e1d0c9b-4f5a-4b6c-9d7e-8f9a0b1c2d3e';
    for (let i = 0; i < 2_500; i += 1) s3.objects.set(`recordings/${audioKeyFor(tenant, `conv_${i}`)}`, recording);
    s3.objects.set(`recordings/${audioKeyFor(TENANT, 'conv_neighbour')}`, recording);
    const before = s3.requests.length;

    await expect(store.removePrefix(audioPrefixFor(tenant))).resolves.toBe(2_500);
    expect([...s3.objects.keys()].filter((id) => id.includes(tenant))).toEqual([]);
    expect(s3.objects.has(`recordings/${audioKeyFor(TENANT, 'conv_neighbour')}`)).toBe(true);
    expect(s3.requests.slice(before).map(({ method, status }) => `${method} ${status}`)).toEqual([
      'GET 200',
      'POST 200',
      'GET 200',
      'POST 200',
      'GET 200',
      'POST 200',
    ]);
  });

  it('fails loudly for a bucket that does not exist', async () => {
    const store = createS3AudioStore({ endpoint: s3.url, bucket: 'elsewhere', ...s3.credentials });
    await expect(store.put(audioKeyFor(TENANT, 'conv_nobucket'), recording)).rejects.toMatchObject({
      status: 404,
      code: 'NoSuchBucket',
    });
  });
});

describe('S3 audio store against an S3-compatible service that answers badly', () => {
  interface Seen {
    method: string;
    url: string;
    range: string | undefined;
    body: string;
  }
  let answer: (request: Seen, response: ServerResponse) => void;
  let seen: Seen[];
  let server: Awaited<ReturnType<typeof startScriptedHttp>>;
  let endpoint: string;
  const storeAt = (url: string, more: Partial<S3AudioStoreConfig> = {}) =>
    createS3AudioStore({
      endpoint: url,
      bucket: 'recordings',
      region: 'eu-central-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      ...more,
    });
  const xml = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'application/xml' });
    response.end(body);
  };
  const s3Error = (code: string, message: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  const listing = (keys: string[], more = '') =>
    `<ListBucketResult>${keys.map((key) => `<Contents><Key>${key}</Key><Size>1</Size></Contents>`).join('')}${more}</ListBucketResult>`;
  const key = audioKeyFor(TENANT, 'conv_bad');

  beforeAll(async () => {
    server = await startScriptedHttp(({ method, url, headers, body }, response) => {
      const entry = { method, url, range: headers.range, body };
      seen.push(entry);
      answer(entry, response);
    });
    endpoint = server.url;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen = [];
    answer = (_, response) => xml(response, 500, s3Error('InternalError', 'unexpected request'));
  });

  it('refuses keys with empty or dot segments before sending anything', async () => {
    // URL parsing would rewrite them, so the path sent would not be the path signed.
    const store = storeAt(endpoint);
    await expect(store.put(`${TENANT}//x.mp3`, recording)).rejects.toThrow('not storable in S3');
    await expect(store.read(`${TENANT}/./x.mp3`)).rejects.toThrow('not storable in S3');
    await expect(store.remove(`../${TENANT}/x.mp3`)).rejects.toThrow('not storable in S3');
    await expect(store.removePrefix(`${TENANT}/../`)).rejects.toThrow('not storable in S3');
    expect(seen).toEqual([]);
  });

  it('reports a service that does not answer as an error without a status, naming the key or the bucket', async () => {
    const store = storeAt(`http://127.0.0.1:${await getFreePort()}`);
    const put = store.put(key, recording);
    await expect(put).rejects.toBeInstanceOf(S3RequestError);
    await expect(put).rejects.toMatchObject({ status: null, code: null, message: expect.stringContaining(key) });
    await expect(store.removePrefix(`${TENANT}/`)).rejects.toMatchObject({
      status: null,
      message: expect.stringMatching(/^S3 GET \(bucket\): no answer/),
    });
  });

  it('gives up when the response headers do not come within the timeout', async () => {
    answer = () => undefined; // holds the request open
    await expect(storeAt(endpoint, { timeoutMs: 100 }).size(key)).rejects.toMatchObject({
      name: 'S3RequestError',
      status: null,
      message: expect.stringContaining(`S3 HEAD ${key}: no answer`),
    });
  });

  it('refuses a Content-Length it cannot represent exactly', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-length': '9007199254740993' });
      response.end();
    };
    await expect(storeAt(endpoint).size(key)).rejects.toMatchObject({
      status: 200,
      message: expect.stringContaining('no usable Content-Length'),
    });
  });

  it('refuses a HEAD answer without Content-Length rather than reading the object as empty', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      response.end();
    };
    await expect(storeAt(endpoint).size(key)).rejects.toMatchObject({
      status: 200,
      message: expect.stringContaining('no usable Content-Length'),
    });
  });

  it("fails a read the service refuses, with S3's code and message", async () => {
    answer = (_, response) => xml(response, 503, s3Error('SlowDown', 'Please reduce your request rate.'));
    const read = storeAt(endpoint).read(key);
    await expect(read).rejects.toMatchObject({ status: 503, code: 'SlowDown' });
    await expect(read).rejects.toThrow('Please reduce your request rate.');
  });

  it('fails a ranged read answered with the whole object instead of the range', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-length': String(recording.length) });
      response.end(recording);
    };
    await expect(storeAt(endpoint).read(key, { start: 10, end: 19 })).rejects.toMatchObject({
      status: 200,
      message: expect.stringContaining('the range was not honoured'),
    });
    expect(seen.map(({ method, range }) => `${method} ${range}`)).toEqual(['GET bytes=10-19']);
  });

  it('takes a 404 on delete as already gone, but fails on a refusal', async () => {
    answer = (_, response) => xml(response, 404, s3Error('NoSuchKey', 'gone'));
    await expect(storeAt(endpoint).remove(key)).resolves.toBeUndefined();
    answer = (_, response) => xml(response, 403, s3Error('AccessDenied', 'Access Denied'));
    await expect(storeAt(endpoint).remove(key)).rejects.toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('fails removing a folder when the listing is refused, and deletes nothing', async () => {
    answer = (_, response) => xml(response, 403, s3Error('AccessDenied', 'Access Denied'));
    await expect(storeAt(endpoint).removePrefix(`${TENANT}/`)).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: expect.stringContaining(`${TENANT}/ (list)`),
    });
    expect(seen.map(({ method }) => method)).toEqual(['GET']);
  });

  it('fails removing a folder when DeleteObjects is refused', async () => {
    answer = (request, response) =>
      request.method === 'GET'
        ? xml(response, 200, listing([`${TENANT}/a.mp3`, `${TENANT}/b.mp3`]))
        : xml(response, 500, s3Error('InternalError', 'We encountered an internal error.'));
    await expect(storeAt(endpoint).removePrefix(`${TENANT}/`)).rejects.toMatchObject({
      status: 500,
      code: 'InternalError',
      message: expect.stringContaining(`${TENANT}/a.mp3 … (delete 2)`),
    });
  });

  it('fails removing a folder when DeleteObjects reports a key it could not delete, naming the key', async () => {
    answer = (request, response) =>
      request.method === 'GET'
        ? xml(response, 200, listing([`${TENANT}/a.mp3`, `${TENANT}/b&amp;c.mp3`]))
        : xml(
            response,
            200,
            `<DeleteResult><Error><Key>${TENANT}/b&amp;c.mp3</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>`,
          );
    await expect(storeAt(endpoint).removePrefix(`${TENANT}/`)).rejects.toMatchObject({
      status: 200,
      code: 'AccessDenied',
      message: `S3 DeleteObjects: ${TENANT}/b&c.mp3 not deleted (AccessDenied)`,
    });
  });

  it('decodes character references in listed keys and escapes them again for DeleteObjects', async () => {
    // Keys arrive XML-encoded; a numeric reference (decimal or hex) is the same character as its entity.
    answer = (request, response) =>
      request.method === 'GET'
        ? xml(response, 200, listing([`${TENANT}/a&#38;b.mp3`, `${TENANT}/c&#x27;d.mp3`, `${TENANT}/e&nbsp;f.mp3`]))
        : xml(response, 200, '<DeleteResult></DeleteResult>');
    await expect(storeAt(endpoint).removePrefix(`${TENANT}/`)).resolves.toBe(3);
    const deleted = [...seen[1]!.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1]);
    // An entity XML does not define stays as written, its ampersand escaped like any other.
    expect(deleted).toEqual([`${TENANT}/a&#38;b.mp3`, `${TENANT}/c&#39;d.mp3`, `${TENANT}/e&#38;nbsp;f.mp3`]);
  });

  it('asks for the next page with the continuation token and stops when a truncated page has none', async () => {
    answer = (request, response) => {
      if (request.method === 'POST') return xml(response, 200, '<DeleteResult></DeleteResult>');
      const next = new URL(request.url, endpoint).searchParams.get('continuation-token');
      if (next === null) {
        return xml(
          response,
          200,
          listing(
            [`${TENANT}/1.mp3`],
            '<IsTruncated>true</IsTruncated><NextContinuationToken>t&amp;2</NextContinuationToken>',
          ),
        );
      }
      return xml(response, 200, listing([`${TENANT}/2.mp3`], '<IsTruncated>true</IsTruncated>'));
    };
    await expect(storeAt(endpoint).removePrefix(`${TENANT}/`)).resolves.toBe(2);
    const lists = seen.filter(({ method }) => method === 'GET').map(({ url }) => new URL(url, endpoint).searchParams);
    expect(lists.map((query) => query.get('continuation-token'))).toEqual([null, 't&2']);
    expect(lists[0]!.toString()).toBe(`list-type=2&max-keys=1000&prefix=${encodeURIComponent(`${TENANT}/`)}`);
  });
});
