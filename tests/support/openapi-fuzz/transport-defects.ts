import fc from 'fast-check';
import { deeplyNested } from './body-field-defects';
import type { DefectFamily, Mutation } from './draft-request';
import type { Operation } from './openapi-operations';
import { FORM, transportOf } from './transports';

const JSON_TYPE = 'application/json';
/** Over the API's 1 MB body limit. */
const OVERSIZED = `{"padding":"${'x'.repeat(1_100_000)}"}`;
const INVALID_JSON = ['{', '{"a":}', "{'a':1}", '{"a":1,}', '[1,]', 'nul', '{"a":"\\x"}', '{"a":"\\ud800"', '\u0000'];
/** Content types no parser of the API reads: every route must refuse them (415) rather than ignore the body. */
const UNREADABLE_TYPES = ['multipart/form-data; boundary=fuzz', 'application/xml', 'application/octet-stream'];

const one = (label: string, mutation: Mutation): DefectFamily => ({ label, defects: fc.constant({ label, mutation }) });
const rawBody = (label: string, text: string, contentType: string | null) =>
  one(label, { kind: 'raw-body', text, contentType });

/**
 * Whole-body defects: bytes that are not the declared content type, content types the route does not read, and
 * bodies too large or too deep. A route without a body schema ignores a well-formed body it does not need, so it
 * only gets the bodies every route must refuse.
 */
export function transportDefects(operation: Operation): DefectFamily[] {
  const transport = transportOf(operation);
  const hasBody = operation.body !== null;
  const families: DefectFamily[] = [
    rawBody('body: over the size limit', OVERSIZED, transport === 'twilio-form' ? FORM : JSON_TYPE),
    rawBody('body: no content type', '{"a":1}', null),
    ...UNREADABLE_TYPES.map((type) => rawBody(`body: content type ${type}`, '{"a":1}', type)),
  ];
  if (transport !== 'twilio-form' || !hasBody) {
    families.push(
      ...INVALID_JSON.map((text) => rawBody(`body: invalid JSON ${JSON.stringify(text)}`, text, JSON_TYPE)),
      rawBody('body: empty JSON', '', JSON_TYPE),
      rawBody(`body: arrays nested ${5_000} deep`, deeplyNested('[', '', ']'), JSON_TYPE),
      rawBody(`body: objects nested ${5_000} deep`, deeplyNested('{"a":', '1', '}'), JSON_TYPE),
    );
  }
  if (hasBody && operation.body!.required) {
    families.push(one('body: missing', { kind: 'remove-body', path: [] }));
  }
  if (hasBody) {
    // The encoded (valid-looking) body under a content type that says something else.
    const foreign = transport === 'twilio-form' ? ['text/plain'] : ['text/plain', FORM];
    families.push(...foreign.map((type) => one(`body: sent as ${type}`, { kind: 'content-type', contentType: type })));
    families.push(one('body: sent without a content type', { kind: 'content-type', contentType: null }));
  } else {
    families.push(
      one('body: unexpected body with NUL', { kind: 'add-body-key', path: [], key: 'a', value: 'x\u0000' }),
      one('body: unexpected key with an unpaired surrogate', {
        kind: 'add-body-key',
        path: [],
        key: '\udc00',
        value: 1,
      }),
    );
  }
  return families;
}
