import { User } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../auth/actor-scope';
import { notFound } from '../errors/app-error';
import { toUserView, type UserView } from './user-view';

export async function getUserView(deps: { orm: Orm }, actor: Actor): Promise<UserView> {
  const user = await inScope(deps.orm, scopeOf(actor), (em) => em.findOne(User, { id: actor.userId }));
  if (!user) throw notFound('User');
  return toUserView(user);
}
