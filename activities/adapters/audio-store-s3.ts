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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of an XML element: entities and character references (`&#38;`, `&#x26;`; `0x26` and `038` alike). */
const xmlText = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(`0${name.slice(1)}`)) : (XML_ENTITIES[name] ?? whole),
  );
const xmlEscape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** S3's limit of keys per ListObjectsV2 page and per DeleteObjects request. */
const BATCH = 1000;

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const EMPTY_SHA256 = sha256('');
const hmac = (key: Uint8Array | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();
/** RFC 3986: everything but the unreserved characters is percent-encoded, as SigV4 requires. */
const encodeSegment = (segment: string): string =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Recordings in an S3-compatible bucket (AWS S3, MinIO, R2, …) over plain fetch, each request signed with AWS
 * Signature Version 4 (no SDK): PUT to write, HEAD for the size, GET with `Range` to read, DELETE to remove, and
 * ListObjectsV2 with DeleteObjects to remove a folder.
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

  /** `key` null addresses the bucket itself (listing, bulk delete); `query` is sent exactly as it is signed. */
  async function send(
    method: 'PUT' | 'HEAD' | 'GET' | 'DELETE' | 'POST',
    key: string | null,
    extra: { body?: Uint8Array; range?: string; query?: Record<string, string>; contentMd5?: string },
  ) {
    const url = key === null ? new URL(`${base.origin}${basePath}/${encodeSegment(config.bucket)}`) : urlOf(key);
    const query = Object.entries(extra.query ?? {})
      .map(([name, value]) => [encodeSegment(name), encodeSegment(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    url.search = query;
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
      ...(extra.contentMd5 ? { 'content-md5': extra.contentMd5 } : {}),
    };
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    const canonicalRequest = [
      method,
      url.pathname,
      query,
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
      throw new S3RequestError(
        `S3 ${method} ${key ?? '(bucket)'}: no answer (${(error as Error).message})`,
        null,
        null,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function failure(method: string, key: string, response: Response): Promise<S3RequestError> {
    return failureOf(method, key, response, method === 'HEAD' ? '' : await response.text().catch(() => ''));
  }

  function failureOf(method: string, key: string, response: Response, text: string): S3RequestError {
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? null;
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? response.statusText;
    return new S3RequestError(
      `S3 ${method} ${key}: ${response.status} ${code ?? ''} ${message}`,
      response.status,
      code,
    );
  }

  /** One DeleteObjects request (quiet: only failures are reported, and any is an error). */
  async function deleteObjects(keys: string[]): Promise<void> {
    const objects = keys.map((key) => `<Object><Key>${xmlEscape(key)}</Key></Object>`).join('');
    const body = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>${objects}</Delete>`,
    );
    const contentMd5 = createHash('md5').update(body).digest('base64');
    const response = await send('POST', null, { query: { delete: '' }, body, contentMd5 });
    const text = await response.text().catch(() => '');
    if (!response.ok) throw failureOf('POST', `${keys[0]} … (delete ${keys.length})`, response, text);
    const failed = /<Error>[\s\S]*?<Key>([^<]*)<\/Key>[\s\S]*?<Code>([^<]*)<\/Code>[\s\S]*?<\/Error>/.exec(text);
    if (failed) {
      throw new S3RequestError(`S3 DeleteObjects: ${xmlText(failed[1]!)} not deleted (${failed[2]})`, 200, failed[2]!);
    }
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
      const header = response.headers.get('content-length');
      // A missing header must not read as 0 (Number(null)): the object would look empty.
      const length = header === null || header.trim() === '' ? Number.NaN : Number(header);
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
    // ListObjectsV2 page by page, each page removed with one DeleteObjects; a key already gone is no error there.
    async removePrefix(prefix) {
      if (!prefix.endsWith('/')) throw new Error(`Audio prefix is not a folder: ${prefix}`);
      urlOf(`${prefix}x`); // refuses a folder no key could be in (empty or dot segments)
      let removed = 0;
      let token: string | null = null;
      do {
        const query: Record<string, string> = { 'list-type': '2', prefix, 'max-keys': String(BATCH) };
        if (token) query['continuation-token'] = token;
        const listed = await send('GET', null, { query });
        const text = await listed.text().catch(() => '');
        if (!listed.ok) throw failureOf('GET', `${prefix} (list)`, listed, text);
        const keys = [...text.matchAll(/<Contents>[\s\S]*?<Key>([^<]*)<\/Key>[\s\S]*?<\/Contents>/g)].map((m) =>
          xmlText(m[1]!),
        );
        token = /<IsTruncated>true<\/IsTruncated>/.test(text)
          ? xmlText(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(text)?.[1] ?? '')
          : null;
        if (keys.length > 0) await deleteObjects(keys);
        removed += keys.length;
      } while (token);
      return removed;
    },
    async remove(key) {
      const response = await send('DELETE', key, {});
      // S3 answers 204 whether or not the object was there; some compatible stores answer 404 for a missing one.
      if (!response.ok && response.status !== 404) throw await failure('DELETE', key, response);
      await response.body?.cancel();
    },
  };
}
