import { findUnstorableText, MAX_DEPTH } from './find-unstorable-text';

describe('findUnstorableText', () => {
  it('accepts ordinary text, emoji (paired surrogates) and non-string values', () => {
    expect(findUnstorableText({ name: 'Grüß Gott 👋', n: 1, ok: true, none: null, list: ['a', 2] }, 'body')).toBeNull();
    expect(findUnstorableText(undefined, 'body')).toBeNull();
  });

  it('names the path of a NUL character at any depth, in arrays too', () => {
    expect(findUnstorableText({ reports: [{ reportId: 'a\u0000b' }] }, 'body')).toEqual({
      path: 'body.reports.0.reportId',
      message: 'must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableText('x\u0000', 'body')?.path).toBe('body');
  });

  it('finds unpaired high and low surrogates', () => {
    expect(findUnstorableText({ name: 'a\ud800' }, 'body')?.path).toBe('body.name');
    expect(findUnstorableText({ name: '\udc00a' }, 'querystring')?.path).toBe('querystring.name');
    expect(findUnstorableText({ name: '\udc00\ud800' }, 'body')?.path).toBe('body.name');
  });

  it('checks object keys and spells the offending character out in the path', () => {
    expect(findUnstorableText({ nested: { 'a\u0000': 1 } }, 'body')).toEqual({
      path: 'body.nested.a\\u0000',
      message: 'has a key that must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableText({ '\ud800': 1 }, 'body')?.path).toBe('body.\\ud800');
  });

  it('refuses nesting deeper than any schema without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep, 'body')?.message).toBe(`is nested deeper than ${MAX_DEPTH} levels`);

    let shallow: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH - 1; i += 1) shallow = { a: shallow };
    expect(findUnstorableText(shallow, 'body')).toBeNull();
  });
});
