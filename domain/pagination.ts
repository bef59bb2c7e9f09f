import type { EntityName, FilterQuery, FindOptions, Loaded } from '@mikro-orm/core';
import type { ScopedEm } from '../db/scope';
import type { PageQuery } from '../contracts/page';

export const pageWindow = ({ page, pageSize }: PageQuery) => ({ limit: pageSize, offset: (page - 1) * pageSize });

/**
 * The total a page already tells: a page that is neither full nor past the end is the last one, so the total is
 * the rows before it plus its own. Null when only a count can say (a full page, or an empty one past the start).
 */
export const totalWithoutCounting = ({ limit, offset }: { limit: number; offset: number }, found: number) =>
  found < limit && (found > 0 || offset === 0) ? offset + found : null;

/**
 * One page of rows and the total. `findAndCount` always asks twice; most lists are a single short page, so this
 * counts only when the page cannot tell (one database round trip saved on every such list).
 */
export async function findPage<Entity extends object, Hint extends string = never, Fields extends string = never>(
  em: ScopedEm,
  entityName: EntityName<Entity>,
  where: FilterQuery<NoInfer<Entity>>,
  options: Omit<FindOptions<Entity, Hint, Fields>, 'using'> & { limit: number; offset: number },
): Promise<readonly [Loaded<Entity, Hint, Fields>[], number]> {
  const rows = await em.find<Entity, Hint, Fields>(entityName, where, options);
  const total = totalWithoutCounting(options, rows.length) ?? (await em.count(entityName, where));
  return [rows, total];
}
