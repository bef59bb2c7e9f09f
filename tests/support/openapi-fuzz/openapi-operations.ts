/** The subset of JSON Schema the API's zod schemas turn into (see `jsonSchemaTransform`). */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: unknown;
  default?: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  in: ParameterLocation;
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Operation {
  method: HttpMethod;
  /** OpenAPI template, e.g. `/api/bots/{id}`. */
  path: string;
  parameters: Parameter[];
  body: { schema: JsonSchema; required: boolean } | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: RequestBody }>>;
}
interface RequestBody {
  required?: boolean;
  content: Record<string, { schema: JsonSchema }>;
}

const METHODS = new Set(['get', 'post', 'patch', 'put', 'delete']);

/** Every operation of the document; fails on a body it cannot read rather than leaving the operation out. */
export function operationsOf(document: unknown): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document as OpenApiDocument).paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const content = operation.requestBody?.content;
      const media = content ? Object.values(content) : [];
      if (content && media.length !== 1) {
        throw new Error(`${method} ${path}: expected one request body media type, got ${Object.keys(content)}`);
      }
      operations.push({
        method: method.toUpperCase() as HttpMethod,
        path,
        parameters: (operation.parameters ?? []).map((p) => ({ ...p, required: p.required === true })),
        body: media[0] ? { schema: media[0].schema, required: operation.requestBody?.required === true } : null,
      });
    }
  }
  return operations;
}

export const describeOperation = (operation: Pick<Operation, 'method' | 'path'>) =>
  `${operation.method} ${operation.path}`;
