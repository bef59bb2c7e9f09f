import { z } from 'zod';
import { patchBody } from './patch-body';
import { CUSTOMER_ROLES, ROLES } from './roles';

/** The roles a tenant's own users may have; platform roles are never handed out through the API. */
export const CustomerRole = z.enum(CUSTOMER_ROLES as readonly ['customer_admin', 'customer_user']);
export type CustomerRole = z.infer<typeof CustomerRole>;

export const Email = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());

export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

const PersonName = z.string().trim().min(1).max(120);

export const CreateUserBody = z.strictObject({
  email: Email,
  name: PersonName,
  role: CustomerRole,
  password: Password,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = patchBody({ name: PersonName, role: CustomerRole, isActive: z.boolean() });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** The public shape of a user: never the password hash. */
export const UserView = z
  .object({
    id: z.uuid(),
    /** Null for platform staff, who belong to no tenant. */
    tenantId: z.uuid().nullable(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    isActive: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof UserView>;
