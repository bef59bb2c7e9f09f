export type Cookies = Record<string, string>;

/** The cookies a response sets, by name (attributes dropped). */
export function cookiesFrom(setCookie: string | string[] | undefined): Cookies {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return Object.fromEntries(list.map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

/** A `Cookie` header for the given cookies; cleared ones (empty values) are left out. */
export const cookieHeader = (cookies: Cookies): string =>
  Object.entries(cookies)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
