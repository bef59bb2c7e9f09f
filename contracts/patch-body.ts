import { z } from 'zod';

/**
 * A partial update's body: every field optional, an unknown one refused, and at least one sent (an empty body is a
 * 400 naming the fields, not a silent no-op).
 */
export const patchBody = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .strictObject(shape)
    .partial()
    .refine((body) => Object.keys(body).length > 0, `send at least one of ${Object.keys(shape).join(', ')}`);
