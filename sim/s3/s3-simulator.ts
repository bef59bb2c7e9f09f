import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4, type SigV4Credentials } from './sigv4';

/** The public test credentials of the simulator; any others can be given. */
const S3_SIM_CREDENTIALS: SigV4Credentials = {
  accessKeyId: 'AKIAVOICEPLANESIM000',
  secretAccessKey: 'voiceplane-s3-simulator-secret-key-000000',
  region: 'eu-central-1',
};

export interface S3SimulatorOptions {
  credentials?: SigV4Credentials;
  /** Buckets that exist; any other answers NoSuchBucket. */
  buckets?: string[];
  /** The simulator's clock, which request times must lie within 15 minutes of. */
  now?: () => Date;
}

export interface RunningS3Simulator {
  url: string;
  credentials: SigV4Credentials;
  /** Stored objects by `<bucket>/<key>`. */
  objects: Map<string, Buffer>;
  /** Every request answered, oldest first. */
  requests: Array<{ method: string; bucket: string | null; key: string | null; range: string | null; status: number }>;
  stop(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(Number(`0${name.slice(1)}`))
      : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!,
  );

/** One `bytes=` range of an object of `size` bytes: [start, end], 'unsatisfiable', or null (send it whole). */
function rangeOf(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return null;
  return start >= size ? 'unsatisfiable' : [start, end];
}

/**
 * A small S3-compatible object store for tests: path-style PUT, HEAD, GET (with a single `Range`) and DELETE on the
 * buckets it was given, plus ListObjectsV2 and DeleteObjects (Content-MD5 required, as S3 does), every request
 * checked for a valid AWS Signature V4 as S3 checks it.
 */
export async function startS3Simulator(options: S3SimulatorOptions = {}): Promise<RunningS3Simulator> {
  const credentials = options.credentials ?? S3_SIM_CREDENTIALS;
  const buckets = new Set(options.buckets ?? ['recordings']);
  const now = options.now ?? (() => new Date());
  const objects = new Map<string, Buffer>();
  const requests: RunningS3Simulator['requests'] = [];

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const target = req.url ?? '/';
    let segments: string[];
    try {
      segments = target.split('?')[0]!.slice(1).split('/').map(decodeURIComponent);
    } catch {
      segments = [];
    }
    const [bucket = null, ...keyParts] = segments;
    const key = keyParts.length > 0 ? keyParts.join('/') : null;
    const answer = (status: number, headers: Record<string, string | number>, payload?: Buffer | string) => {
      requests.push({ method: req.method ?? '', bucket, key, range: req.headers.range ?? null, status });
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : payload);
    };
    const fail = (status: number, code: string, message: string) =>
      answer(status, { 'content-type': 'application/xml' }, xmlError(code, message));

    const refusal = verifySigV4({ method: req.method ?? '', target, headers: req.headers, body }, credentials, now());
    if (refusal) return fail(refusal.status, refusal.code, refusal.message);
    if (!bucket || !buckets.has(bucket)) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const etag = (data: Buffer) => `"${createHash('md5').update(data).digest('hex')}"`;
    const query = new URLSearchParams(target.includes('?') ? target.slice(target.indexOf('?') + 1) : '');
    if (!key && req.method === 'GET' && query.get('list-type') === '2') {
      return answer(200, { 'content-type': 'application/xml' }, listObjects(bucket, query, etag));
    }
    if (!key && req.method === 'POST' && query.has('delete')) {
      const md5 = req.headers['content-md5'];
      if (!md5) return fail(400, 'InvalidRequest', 'Missing required header for this request: Content-MD5');
      if (md5 !== createHash('md5').update(body).digest('base64')) {
        return fail(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
      }
      const text = body.toString('utf8');
      const keys = [...text.matchAll(/<Object>\s*<Key>([^<]*)<\/Key>/g)].map((match) => unescapeXml(match[1]!));
      if (!/^(<\?xml[^>]*\?>)?\s*<Delete[\s>]/.test(text) || keys.length === 0 || keys.length > 1000) {
        return fail(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate');
      }
      for (const removed of keys) objects.delete(`${bucket}/${removed}`);
      const quiet = /<Quiet>true<\/Quiet>/.test(text);
      const deleted = quiet
        ? ''
        : keys.map((removed) => `<Deleted><Key>${escapeXml(removed)}</Key></Deleted>`).join('');
      return answer(
        200,
        { 'content-type': 'application/xml' },
        `${XML_HEAD}<DeleteResult xmlns="${S3_NS}">${deleted}</DeleteResult>`,
      );
    }
    if (!key) return fail(400, 'InvalidRequest', 'This simulator stores, reads, lists and deletes objects only');
    const id = `${bucket}/${key}`;

    switch (req.method) {
      case 'PUT':
        objects.set(id, body);
        return answer(200, { etag: etag(body), 'content-length': 0 });
      case 'DELETE':
        objects.delete(id);
        return answer(204, {});
      case 'HEAD':
      case 'GET': {
        const object = objects.get(id);
        if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
        const common = { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', etag: etag(object) };
        const range = req.method === 'GET' ? rangeOf(req.headers.range, object.length) : null;
        if (range === 'unsatisfiable') return fail(416, 'InvalidRange', 'The requested range is not satisfiable');
        if (!range) return answer(200, { ...common, 'content-length': object.length }, object);
        const [start, end] = range;
        return answer(
          206,
          { ...common, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${object.length}` },
          object.subarray(start, end + 1),
        );
      }
      default:
        return fail(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  };

  /** ListObjectsV2: keys in order, `max-keys` a page, the continuation token being the page's last key. */
  function listObjects(bucket: string, query: URLSearchParams, etag: (data: Buffer) => string): string {
    const prefix = query.get('prefix') ?? '';
    const maxKeys = Math.min(Math.max(Number(query.get('max-keys') ?? 1000) || 0, 0), 1000);
    const token = query.get('continuation-token');
    const after = token ? Buffer.from(token, 'base64url').toString('utf8') : (query.get('start-after') ?? '');
    const matching = [...objects.keys()]
      .filter((id) => id.startsWith(`${bucket}/${prefix}`))
      .map((id) => id.slice(bucket.length + 1))
      .filter((key) => key > after)
      .sort();
    const page = matching.slice(0, maxKeys);
    const truncated = matching.length > page.length;
    const contents = page
      .map((key) => {
        const object = objects.get(`${bucket}/${key}`)!;
        return `<Contents><Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag(object))}</ETag><Size>${object.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      })
      .join('');
    const next = truncated && page.length > 0 ? Buffer.from(page.at(-1)!, 'utf8').toString('base64url') : null;
    return (
      `${XML_HEAD}<ListBucketResult xmlns="${S3_NS}"><Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix>` +
      `<KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
      (token ? `<ContinuationToken>${escapeXml(token)}</ContinuationToken>` : '') +
      (next ? `<NextContinuationToken>${next}</NextContinuationToken>` : '') +
      `${contents}</ListBucketResult>`
    );
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials,
    objects,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
