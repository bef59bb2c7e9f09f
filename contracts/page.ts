import { z } from 'zod';

/** Strict, like every query and body: an unknown parameter (a typo of `pageSize`) is a 400, not ignored. */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** One page of a list endpoint's items, with the total across all pages. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0),
  });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
