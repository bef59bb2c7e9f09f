import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * AWS Signature Version 4 as S3 checks it (header auth only), written from the specification rather than
 * shared with the platform's signer, so a mistake there is caught here rather than repeated.
 */

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface SignedRequest {
  method: string;
  /** The request target exactly as received: path and query, still percent-encoded. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why S3 refuses a request: its error code, HTTP status and message. */
export interface SigV4Refusal {
  status: number;
  code: string;
  message: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60_000;
const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

const refuse = (status: number, code: string, message: string): SigV4Refusal => ({ status, code, message });
const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 encoding of a query name or value, as the canonical query string needs. */
const strictEncode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase());

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [strictEncode(decodeURIComponent(name)), strictEncode(decodeURIComponent(value))];
    })
    .sort(([a, x], [b, y]) => (a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : x! > y! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** `20250102T030405Z` as a time; null when it is not one. */
function amzTime(value: string | undefined): number | null {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/** Null when the request is signed by `credentials` and unchanged since; else why S3 would refuse it. */
export function verifySigV4(request: SignedRequest, credentials: SigV4Credentials, now: Date): SigV4Refusal | null {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) return refuse(403, 'AccessDenied', 'Access Denied');
  const auth = AUTH.exec(authorization);
  if (!auth) return refuse(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const [, accessKeyId, scopeDay, region, signedHeaderList, signature] = auth as unknown as string[];
  if (accessKeyId !== credentials.accessKeyId) {
    return refuse(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (region !== credentials.region) {
    return refuse(
      400,
      'AuthorizationHeaderMalformed',
      `the region '${region}' is wrong; expecting '${credentials.region}'`,
    );
  }
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signedAt = amzTime(amzDate);
  if (signedAt === null || amzDate!.slice(0, 8) !== scopeDay) {
    return refuse(403, 'AccessDenied', 'X-Amz-Date is missing, malformed or not the day of the credential scope');
  }
  if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) {
    return refuse(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  const signedHeaders = signedHeaderList!.split(';');
  const required = ['host', 'x-amz-date', 'x-amz-content-sha256'];
  if (required.some((name) => !signedHeaders.includes(name))) {
    return refuse(403, 'AccessDenied', `SignedHeaders must include ${required.join(', ')}`);
  }
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256')!;
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== hex(request.body)) {
    return refuse(
      400,
      'XAmzContentSHA256Mismatch',
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }

  const queryAt = request.target.indexOf('?');
  const path = queryAt === -1 ? request.target : request.target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : request.target.slice(queryAt + 1);
  let canonicalHeaders = '';
  for (const name of signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return refuse(403, 'AccessDenied', `Signed header ${name} is missing`);
    canonicalHeaders += `${name}:${value.trim().replace(/\s+/g, ' ')}\n`;
  }
  const canonicalRequest = `${request.method}\n${path}\n${canonicalQuery(query)}\n${canonicalHeaders}\n${signedHeaderList}\n${payloadHash}`;
  const scope = `${scopeDay}/${region}/s3/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${hex(canonicalRequest)}`;

  let key: Buffer = Buffer.from(`AWS4${credentials.secretAccessKey}`, 'utf8');
  for (const part of [scopeDay!, region!, 's3', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(signature!, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return null;
}
