import { z } from 'zod';
import { CUSTOMER_ROLES } from '../../contracts/roles';

export const CustomerRole = z.enum(CUSTOMER_ROLES as ['customer_admin', 'customer_user']);

export const Email = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());

export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const CreateUserBody = z.object({
  email: Email,
  name: z.string().trim().min(1).max(120),
  role: CustomerRole,
  password: Password,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: CustomerRole.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, role, isActive');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
