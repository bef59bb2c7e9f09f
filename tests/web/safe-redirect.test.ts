/// <reference types="jest" />
// Type-checked with the web app (web/tsconfig.json): its modules use the bundler's extensionless imports.
import { safeRedirect } from '../../web/app/lib/safe-redirect';

const origin = 'https://voiceplane.example';
const FALLBACK = '/portal';
const check = (to: string | null) => safeRedirect(to, { origin, fallback: FALLBACK });

/** Where a browser goes when sent to `to` from a page of the app: it must stay on the app's origin. */
const landsOn = (to: string) => (URL.canParse(to, origin) ? new URL(to, origin).origin : `nowhere (${to})`);

// Each as the route reads it: URLSearchParams has already decoded the query string once.
const ATTACKS: Array<[string, string]> = [
  ['protocol-relative', '//evil.example'],
  ['protocol-relative with path', '//evil.example/admin'],
  ['three slashes', '///evil.example'],
  ['backslash after slash', '/\\evil.example'],
  ['backslash only', '\\\\evil.example'],
  ['backslash later in the path', '/admin\\..\\\\evil.example'],
  ['tab between slashes (%09)', '/\t/evil.example'],
  ['newline between slashes (%0A)', '/\n/evil.example'],
  ['carriage return between slashes (%0D)', '/\r/evil.example'],
  ['NUL byte', '/\u0000/evil.example'],
  ['DEL', '/\u007f/evil.example'],
  ['unit separator', '/\u001f/evil.example'],
  ['leading tab', '\t//evil.example'],
  ['leading space', ' //evil.example'],
  ['javascript: URL', 'javascript:alert(document.cookie)'],
  ['javascript: URL after a slash-like prefix', '/\tjavascript:alert(1)'],
  ['data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['absolute https URL', 'https://evil.example'],
  ['absolute http URL', 'http://evil.example/login'],
  ['scheme without slashes', 'https:evil.example'],
  ['%2F%2F decoded once', decodeURIComponent('/%2F%2Fevil.example')],
  ['%5C decoded once', decodeURIComponent('/%5Cevil.example')],
  ['%09 decoded once', decodeURIComponent('/%09/evil.example')],
  ['a path that resolves to //evil.example', '/.//evil.example'],
  ['a parent step that resolves to //evil.example', '/..//evil.example'],
  ['a deeper path that resolves to //evil.example', '/app/..//evil.example'],
  ['relative path', 'evil.example'],
  ['empty', ''],
];

describe('safeRedirect', () => {
  it.each(ATTACKS)('refuses %s', (_name, to) => {
    expect(check(to)).toBe(FALLBACK);
  });

  it('falls back without a value', () => {
    expect(check(null)).toBe(FALLBACK);
    expect(safeRedirect(undefined, { origin })).toBe('/');
  });

  it.each([
    ['/admin/bots?page=2', '/admin/bots?page=2'],
    ['/app', '/app'],
    ['/app/support/42#reply', '/app/support/42#reply'],
    ['/admin/tenants?q=%2F%2Fevil.example', '/admin/tenants?q=%2F%2Fevil.example'],
    ['/app/%2F%2Fevil.example', '/app/%2F%2Fevil.example'],
    ['/admin/../app/bots', '/app/bots'],
  ])('keeps the same-site path %s (as %s)', (to, expected) => {
    expect(check(to)).toBe(expected);
    expect(landsOn(check(to))).toBe(origin);
  });

  it.each(['/login', '/login?redirectTo=%2Fapp', '/logout', '/auth/refresh?redirectTo=%2Fapp', '/LOGIN', '/%6Cogin'])(
    'never returns to the sign-in and refresh pages (%s)',
    (to) => {
      expect(check(to)).toBe(FALLBACK);
    },
  );

  it('lets no accepted value leave the origin, whatever the browser strips from it', () => {
    const slashesAndWhatBrowsersStrip = ['/', '//', '\\', '\t', '\n', '\r', ' ', '%2F', '%5C'];
    const pieces = [...slashesAndWhatBrowsersStrip, 'evil.example', ':', '@', '.', '..', 'javascript:'];
    const candidates = pieces.flatMap((a) => pieces.flatMap((b) => pieces.map((c) => a + b + c)));
    for (const to of candidates) {
      const result = check(to);
      // Browsers strip tabs and newlines and treat "\" as "/" before resolving a Location.
      const asBrowserReadsIt = result.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
      expect([to, landsOn(asBrowserReadsIt)]).toEqual([to, origin]);
    }
  });
});
