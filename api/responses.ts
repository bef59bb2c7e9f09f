import { z } from 'zod';
import { Problem } from '../contracts/problem';

/**
 * Every operation's error answers: problem+json for 4xx and 5xx (api/openapi.ts gives them that media type in the
 * document). The error handler sends them already serialized, so these document errors rather than check them.
 */
const PROBLEMS = { '4xx': Problem, '5xx': Problem } as const;

/** A success that is not JSON (TwiML, an event stream): its media type and what it carries. */
interface MediaResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

/** A route's `response` schema: its success answers, by status, and the problem answers every route may give. */
export const responds = <Success extends Record<number, z.ZodType | MediaResponse>>(success: Success) => ({
  ...success,
  ...PROBLEMS,
});

/**
 * An answer without a body (204, a redirect). `type: 'null'` overrides zod's OpenAPI 3.0 rendering of null (a
 * nullable string), so the document lists no media type for it.
 */
export const noBody = (description: string) => z.null().meta({ description, type: 'null' });
