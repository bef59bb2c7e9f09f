import { createHarness, type Harness } from './support/harness';

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Operation {
  summary?: string;
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every documented operation as `METHOD /path` with what it is. */
function operations(paths: Paths): Array<[string, Operation]> {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

/** What the document leaves out for one operation: a summary, a 2xx with a schema, problem+json errors. */
function gaps(operation: Operation): string[] {
  const responses = Object.entries(operation.responses ?? {});
  const missing: string[] = [];
  if (!operation.summary) missing.push('summary');
  const success = responses.filter(([status]) => /^2/.test(status));
  // A browser-only step (sign-in with a provider) answers with a redirect, never a body.
  const redirects = responses.filter(([status]) => /^3/.test(status));
  if (success.length === 0 && redirects.length === 0) missing.push('2xx response');
  for (const [status, response] of success) {
    const media = Object.values(response.content ?? {});
    // 204 carries no body; everything else says what it carries.
    if (status !== '204' && (media.length === 0 || media.some((type) => !type.schema))) {
      missing.push(`${status} schema`);
    }
  }
  for (const family of ['4XX', '5XX']) {
    const problem = operation.responses?.[family]?.content?.['application/problem+json']?.schema;
    if (!problem) missing.push(`${family} problem+json`);
  }
  return missing;
}

describe('OpenAPI document (/docs/json)', () => {
  let h: Harness;
  let document: { paths: Paths; components?: { schemas?: Record<string, unknown> } };

  beforeAll(async () => {
    h = await createHarness();
    const response = await h.app.inject({ url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => h.close());

  it('documents, for every operation, a summary, its success schema and its problem+json errors', () => {
    const all = operations(document.paths);
    expect(all.length).toBeGreaterThan(30);
    const incomplete = all
      .map(([name, operation]) => [name, gaps(operation)] as const)
      .filter(([, missing]) => missing.length > 0)
      .map(([name, missing]) => `${name}: ${missing.join(', ')}`);
    expect(incomplete).toEqual([]);
  });

  it('names the shared shapes once, as components the operations refer to', () => {
    const schemas = Object.keys(document.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['Problem', 'BotView', 'JobView']));
    const bot = document.paths['/api/bots/{id}']!.get!.responses!['200']!.content!['application/json']!.schema;
    expect(JSON.stringify(bot)).toContain('#/components/schemas/BotView');
  });

  it('gives the gap finder something to find: an operation without responses is reported', () => {
    expect(gaps({ summary: 'x' })).toEqual(['2xx response', '4XX problem+json', '5XX problem+json']);
    expect(gaps({ summary: 'x', responses: { '200': { description: 'ok' } } })).toContain('200 schema');
    expect(gaps({ summary: 'x', responses: { '302': { description: 'to the provider' } } })).not.toContain(
      '2xx response',
    );
  });
});
