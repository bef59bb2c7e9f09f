import type { User } from '../../db/entities/user';

/** The public shape of a user: never the password hash. */
export interface UserView {
  id: string;
  tenantId: string | null;
  email: string;
  name: string;
  role: User['role'];
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

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
