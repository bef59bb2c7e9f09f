import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AudioStore } from '../../domain/conversations/audio-store';

export interface S3AudioStoreConfig {
  /** The service's base URL; objects are addressed path-style: `<endpoint>/<bucket>/<key>`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** How long to wait for a response's headers (a body streams for as long as the reader reads). */
  timeoutMs?: number;
  now?: () => Date;
}

/** An S3 answer that is neither success nor "no such object". */
export class S3RequestError extends Error {
  override readonly name = 'S3RequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const EMPTY_SHA256 = sha256('');
const hmac = (key: Uint8Array | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();
/** RFC 3986: everything but the unreserved characters is percent-encoded, as SigV4 requires. */
const encodeSegment = (segment: string): string =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Recordings in an S3-compatible bucket (AWS S3, MinIO, R2, …) over plain fetch, each request signed with AWS
 * Signature Version 4 (no SDK): PUT to write, HEAD for the size, GET with `Range` to read.
 */
export function createS3AudioStore(config: S3AudioStoreConfig): AudioStore {
  const base = new URL(config.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');
  const now = config.now ?? (() => new Date());
  const timeoutMs = config.timeoutMs ?? 30_000;

  const urlOf = (key: string): URL => {
    const segments = key.split('/');
    // Dot segments and empty ones would be rewritten by URL parsing, so the signed path would not be the sent one.
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`Audio key not storable in S3: ${key}`);
    }
    const path = [basePath, encodeSegment(config.bucket), ...segments.map(encodeSegment)].join('/');
    return new URL(`${base.origin}${path}`);
  };

  async function send(method: 'PUT' | 'HEAD' | 'GET', key: string, extra: { body?: Uint8Array; range?: string }) {
    const url = urlOf(key);
    const amzDate = now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': extra.body ? sha256(extra.body) : EMPTY_SHA256,
      'x-amz-date': amzDate,
      ...(extra.range ? { range: extra.range } : {}),
    };
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    const canonicalRequest = [
      method,
      url.pathname,
      '',
      ...names.map((name) => `${name}:${headers[name]!.trim()}`),
      '',
      signedHeaders,
      headers['x-amz-content-sha256'],
    ].join('\n');
    const scope = `${day}/${config.region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
    const signingKey = ['s3', 'aws4_request'].reduce(
      (key, part) => hmac(key, part),
      hmac(hmac(`AWS4${config.secretAccessKey}`, day), config.region),
    );
    const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
    // fetch sets Host itself, from the same URL.
    const { host: _host, ...sent } = headers;
    sent.authorization =
      `AWS4-HMAC-SHA256 Credential=${config.accessKeyId}/${scope}, ` +
      `SignedHeaders=${signedHeaders}, Signature=${signature}`;

    const headersTimeout = new AbortController();
    const timer = setTimeout(() => headersTimeout.abort(), timeoutMs);
    try {
      return await fetch(url, { method, headers: sent, body: extra.body, signal: headersTimeout.signal });
    } catch (error) {
      throw new S3RequestError(`S3 ${method} ${key}: no answer (${(error as Error).message})`, null, null);
    } finally {
      clearTimeout(timer);
    }
  }

  async function failure(method: string, key: string, response: Response): Promise<S3RequestError> {
    const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? null;
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? response.statusText;
    return new S3RequestError(
      `S3 ${method} ${key}: ${response.status} ${code ?? ''} ${message}`,
      response.status,
      code,
    );
  }

  return {
    async put(key, bytes) {
      const response = await send('PUT', key, { body: bytes });
      if (!response.ok) throw await failure('PUT', key, response);
      await response.body?.cancel();
    },
    async size(key) {
      const response = await send('HEAD', key, {});
      if (response.status === 404) return null;
      if (!response.ok) throw await failure('HEAD', key, response);
      const length = Number(response.headers.get('content-length'));
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new S3RequestError(`S3 HEAD ${key}: no usable Content-Length`, response.status, null);
      }
      return length;
    },
    async read(key, range) {
      const response = await send('GET', key, range ? { range: `bytes=${range.start}-${range.end}` } : {});
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) throw await failure('GET', key, response);
      if (range && response.status !== 206) {
        await response.body.cancel();
        throw new S3RequestError(`S3 GET ${key}: the range was not honoured`, response.status, null);
      }
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
  };
}
