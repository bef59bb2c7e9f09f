import { z } from 'zod';
import { Email, Password } from '../users/user-schemas';

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2-63 characters');

export const CreateTenantBody = z.object({
  name: z.string().trim().min(2).max(120),
  slug: Slug.optional(),
  contactEmail: Email,
});
export type CreateTenantBody = z.infer<typeof CreateTenantBody>;

export const RegisterBody = z.object({
  companyName: z.string().trim().min(2).max(120),
  name: z.string().trim().min(1).max(120),
  email: Email,
  password: Password,
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** Why the tenant is suspended, kept in the audit trail. */
export const DeactivateTenantBody = z.object({ reason: z.string().trim().min(3).max(500) });
export type DeactivateTenantBody = z.infer<typeof DeactivateTenantBody>;

export const ReactivateTenantBody = z.object({ reason: z.string().trim().min(3).max(500).optional() });
export type ReactivateTenantBody = z.infer<typeof ReactivateTenantBody>;
