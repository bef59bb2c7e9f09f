import { finishOpenApiDocument } from './openapi';

type Input = Parameters<typeof finishOpenApiDocument>[0];
const PROBLEM = { schema: { $ref: '#/components/schemas/Problem' } };
const HEALTH = { schema: { $ref: '#/components/schemas/HealthReport' } };

const finish = (paths: unknown) =>
  finishOpenApiDocument({ openapiObject: { openapi: '3.0.3', info: { title: 't', version: '1' }, paths } } as Input);

describe('finishOpenApiDocument', () => {
  it('describes error answers with the Problem schema as application/problem+json', () => {
    const document = finish({
      '/api/things': {
        get: {
          responses: {
            200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
            '4XX': { description: 'client error', content: { 'application/json': PROBLEM } },
            500: { description: 'server error', content: { 'application/json': PROBLEM } },
          },
        },
      },
    });
    const responses = document.paths!['/api/things']!.get!.responses as Record<string, { content?: object }>;
    expect(responses['4XX']!.content).toEqual({ 'application/problem+json': PROBLEM });
    expect(responses['500']!.content).toEqual({ 'application/problem+json': PROBLEM });
    expect(responses['200']!.content).toEqual({ 'application/json': { schema: { type: 'object' } } });
  });

  it('leaves other error bodies JSON, and a success that happens to be a Problem too', () => {
    const document = finish({
      '/api/health': {
        get: {
          responses: {
            200: { description: 'ok', content: { 'application/json': PROBLEM } },
            503: { description: 'unhealthy', content: { 'application/json': HEALTH } },
            404: { description: 'no body' },
          },
        },
      },
    });
    const responses = document.paths!['/api/health']!.get!.responses as Record<string, { content?: object }>;
    expect(responses['200']!.content).toEqual({ 'application/json': PROBLEM });
    expect(responses['503']!.content).toEqual({ 'application/json': HEALTH });
    expect(responses['404']!.content).toBeUndefined();
  });

  it('passes over path-level entries and operations that document no responses', () => {
    const paths = {
      '/api/items/{id}': {
        summary: 'One item',
        parameters: [{ name: 'id', in: 'path', required: true }],
        delete: {},
      },
      '/api/empty': null,
    };
    const before = structuredClone(paths);
    expect(finish(paths).paths).toEqual(before);
  });

  it('finishes a document without paths', () => {
    const document = finish(undefined);
    expect(document.paths).toBeUndefined();
    expect(document.info).toEqual({ title: 't', version: '1' });
  });
});
