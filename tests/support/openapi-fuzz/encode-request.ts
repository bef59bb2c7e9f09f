import type { DraftRequest } from './draft-request';
import type { FuzzWorld } from './fuzz-world';
import type { Operation } from './openapi-operations';
import { FORM, signatureHeaders, transportOf } from './transports';

export interface EncodedRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Percent-encodes like `encodeURIComponent`, except that an unpaired surrogate (which that function refuses)
 * becomes its three WTF-8 bytes, as a careless client would send it.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (UNRESERVED.test(char)) out += char;
    else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map(hex).join('');
    } else out += [...Buffer.from(char, 'utf8')].map(hex).join('');
  }
  return out;
}

function bodyText(draft: DraftRequest, form: boolean): string | undefined {
  if (!draft.body) return undefined;
  const { value, rawSplices } = draft.body;
  if (form) {
    const fields = Object.entries((value ?? {}) as Record<string, unknown>);
    return fields
      .map(([key, field]) => {
        const text = typeof field === 'string' ? field : JSON.stringify(field);
        return `${percentEncode(key)}=${rawSplices[text] ?? percentEncode(text)}`;
      })
      .join('&');
  }
  let text = JSON.stringify(value);
  for (const [token, raw] of Object.entries(rawSplices)) text = text.replace(JSON.stringify(token), raw);
  return text;
}

/** The bytes and headers of a draft as its operation's transport sends them, signed where the transport signs. */
export function encodeRequest(operation: Operation, draft: DraftRequest, world: FuzzWorld): EncodedRequest {
  const transport = transportOf(operation);
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode(draft.path[name] ?? ''));
  const query = draft.query
    .map(({ name, value, raw }) => `${percentEncode(name)}=${raw ? value : percentEncode(value)}`)
    .join('&');
  const url = query ? `${path}?${query}` : path;

  const form = transport === 'twilio-form';
  let text = bodyText(draft, form);
  let contentType: string | null = text === undefined ? null : form ? FORM : 'application/json';
  if (draft.rawBody) ({ text, contentType } = draft.rawBody);
  if (draft.contentType !== undefined) contentType = draft.contentType;

  const headers: Record<string, string> = {
    ...world.actors[draft.actor],
    ...(contentType ? { 'content-type': contentType } : {}),
    ...signatureHeaders(transport, {
      url,
      text,
      contentType,
      botId: draft.headers['x-voiceplane-bot'] ?? world.ids.bot,
    }),
  };
  for (const [name, value] of Object.entries(draft.headers)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return { method: operation.method, url, headers, ...(text !== undefined ? { payload: text } : {}) };
}
