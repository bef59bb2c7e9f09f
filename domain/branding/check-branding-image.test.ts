import { AppError } from '../errors/app-error';
import { checkBrandingImage, normalizeContentType, sniffImageType } from './check-branding-image';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = new Uint8Array([...Buffer.from('RIFF'), 30, 0, 0, 0, ...Buffer.from('WEBPVP8 '), 0, 0, 0, 0]);
const ICO = new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 4, 0, 0, 0, 22, 0, 0, 0, 1, 2, 3, 4]);
const svg = (body: string) => new TextEncoder().encode(body);
const CLEAN_SVG = svg(
  '<?xml version="1.0"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' +
    '<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>',
);

function refusal(check: () => unknown): AppError {
  try {
    check();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sniffImageType', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
    ['ICO', ICO, 'image/x-icon'],
    ['SVG', CLEAN_SVG, 'image/svg+xml'],
    ['HTML', svg('<html><body>hi</body></html>'), null],
    ['GIF', svg('GIF89a....'), null],
    ['an ICO header without its entries', ICO.slice(0, 10), null],
  ])('recognises %s by its bytes', (_name, bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});

describe('checkBrandingImage', () => {
  it('accepts each allowed type when the bytes agree, and returns the type to serve', () => {
    expect(checkBrandingImage('logo', 'image/png', PNG)).toBe('image/png');
    expect(checkBrandingImage('logo', 'image/jpeg', JPEG)).toBe('image/jpeg');
    expect(checkBrandingImage('logo', 'IMAGE/WEBP', WEBP)).toBe('image/webp');
    expect(checkBrandingImage('logo', 'image/svg+xml; charset=utf-8', CLEAN_SVG)).toBe('image/svg+xml');
    expect(checkBrandingImage('favicon', 'image/vnd.microsoft.icon', ICO)).toBe('image/x-icon');
  });

  it('refuses a type the asset does not allow (a JPEG favicon, an ICO logo, no type)', () => {
    expect(refusal(() => checkBrandingImage('favicon', 'image/jpeg', JPEG)).errors?.[0]?.path).toBe(
      'headers.content-type',
    );
    expect(refusal(() => checkBrandingImage('logo', 'image/x-icon', ICO)).status).toBe(400);
    expect(refusal(() => checkBrandingImage('logo', undefined, PNG)).status).toBe(400);
  });

  it('refuses bytes that are not what the declared type says', () => {
    const error = refusal(() => checkBrandingImage('logo', 'image/png', JPEG));
    expect(error.message).toContain('look like image/jpeg');
    expect(refusal(() => checkBrandingImage('logo', 'image/svg+xml', svg('<html></html>'))).status).toBe(400);
  });

  it('refuses images over the asset’s limit with 413, and empty ones', () => {
    const big = new Uint8Array(64 * 1024 + 1);
    big.set(PNG);
    expect(refusal(() => checkBrandingImage('favicon', 'image/png', big)).status).toBe(413);
    expect(checkBrandingImage('logo', 'image/png', big)).toBe('image/png');
    expect(refusal(() => checkBrandingImage('logo', 'image/png', new Uint8Array())).status).toBe(400);
  });

  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg onload="alert(1)"></svg>'],
    ['an external image', '<svg><image href="https://evil.example/x.png"/></svg>'],
    ['an xlink to elsewhere', '<svg><use xlink:href="other.svg#a"/></svg>'],
    ['a javascript link', '<svg><a href="javascript:alert(1)"><rect/></a></svg>'],
    ['foreign content', '<svg><foreignObject><div/></foreignObject></svg>'],
    ['an entity declaration', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>'],
    ['a DOCTYPE after comments', '<!-- a --> <!-- b --><!DOCTYPE svg><svg></svg>'],
    ['an external url() in a style', '<svg><rect style="fill:url(https://evil.example/p)"/></svg>'],
    ['a stylesheet import', '<svg><style>@import "https://evil.example/a.css";</style></svg>'],
  ])('refuses an SVG with %s', (_name, text) => {
    const error = refusal(() => checkBrandingImage('logo', 'image/svg+xml', svg(text)));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^The SVG is refused/);
  });

  // With a pattern that backtracks these would not finish (2^100 ways to split the comments; quadratic in the
  // 512 KB a logo may hold). Linear, they take tens of milliseconds: the bound catches the complexity, not the speed.
  it('tells an SVG root from hostile comment, DOCTYPE and declaration runs without backtracking', () => {
    const started = performance.now();
    expect(sniffImageType(svg('<!---->'.repeat(100) + 'x'))).toBeNull();
    expect(sniffImageType(svg('<!---->'.repeat(70_000) + '<svg/>'))).toBe('image/svg+xml');
    expect(sniffImageType(svg('<!-- <svg> -->x<svg/>'))).toBeNull();
    expect(sniffImageType(svg('<!DOCTYPE' + ' '.repeat(500_000)))).toBeNull();
    expect(sniffImageType(svg('<?xml ' + '?'.repeat(500_000)))).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('folds parameters and case of the declared type', () => {
    expect(normalizeContentType(' Image/PNG ; q=1')).toBe('image/png');
    expect(normalizeContentType(undefined)).toBe('');
  });
});
