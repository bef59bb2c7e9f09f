/**
 * Walks an authorization request through a test provider the way a browser would (its cookies, its redirects, its
 * sign-in form) and returns where the provider finally sends the browser: the platform's callback with `code`.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let request: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
  for (let hop = 0; hop < 12; hop += 1) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      body: request.form,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      if (value.join('=')) jar.set(name, value.join('='));
      else jar.delete(name);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(redirectUri)) return next;
      request = { url: next.href };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action || !page.includes('name="login"')) {
      throw new Error(`unexpected provider answer ${response.status}: ${page.slice(0, 300)}`);
    }
    request = {
      url: new URL(action.replace(/&amp;/g, '&'), request.url).href,
      form: new URLSearchParams({ prompt: 'login', login, password: 'any password will do' }),
    };
  }
  throw new Error('the provider never redirected back to the platform');
}
