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
 * A small S3-compatible object store for tests: path-style PUT, HEAD and GET (with a single `Range`) on the
 * buckets it was given, every request checked for a valid AWS Signature V4 as S3 checks it.
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
    if (!key) return fail(400, 'InvalidRequest', 'This simulator stores and reads objects only');
    const id = `${bucket}/${key}`;
    const etag = (data: Buffer) => `"${createHash('md5').update(data).digest('hex')}"`;

    switch (req.method) {
      case 'PUT':
        objects.set(id, body);
        return answer(200, { etag: etag(body), 'content-length': 0 });
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
