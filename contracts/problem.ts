import { z } from 'zod';

/** One field the request got wrong: `path` names it (`body.email`), `message` says what is wrong. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details: the one error shape every endpoint answers with (`application/problem+json`). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    /** Stable machine-readable cause, e.g. `validation_failed`, `conflict`. */
    code: z.string(),
    errors: z.array(FieldError).optional(),
    /** A plan gate (402): the feature the plan lacks; 402 and 429 name the cheapest plan that has more. */
    feature: z.string().optional(),
    requiredPlan: z.string().nullable().optional(),
    /** A plan limit reached (429): which one, what is used and what the plan allows. */
    limit: z.string().optional(),
    used: z.number().optional(),
    allowed: z.number().optional(),
    plan: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
