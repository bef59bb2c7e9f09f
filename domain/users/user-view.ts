import type { UserView } from '../../contracts/users';
import type { User } from '../../db/entities/user';

export const toUserView = (user: User): UserView => ({
  id: user.id,
  tenantId: user.tenantId ?? null,
  email: user.email,
  name: user.name,
  role: user.role,
  isActive: user.isActive,
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});
