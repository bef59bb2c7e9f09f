import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

/** A media entry whose schema is the Problem component (a 503 health report, say, stays JSON). */
const isProblem = (media: unknown): boolean =>
  (media as { schema?: { $ref?: string } } | undefined)?.schema?.$ref === '#/components/schemas/Problem';

/**
 * The document's last pass: named contract schemas become components, and error answers are described as what
 * they are on the wire, `application/problem+json`, rather than the JSON media type Fastify's swagger assumes.
 */
export function finishOpenApiDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]): OpenApiDocument {
  const document = jsonSchemaTransformObject(input);
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem ?? {}) as Operation[]) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (/^[45]/.test(status) && isProblem(json)) response.content = { 'application/problem+json': json };
      }
    }
  }
  return document;
}
