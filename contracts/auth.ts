import { z } from 'zod';
import { CompanyName, TenantView } from './tenants';
import { TENANT_STATUSES } from './tenant-status';
import { Email, Password, UserView } from './users';

/** Sign-in takes whatever was typed: the account's own rules were checked when the password was set. */
export const LoginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** A plan's code as a customer may type or link it (`?plan=pro`); whether such a plan exists is checked later. */
export const PlanSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a plan code: letters, digits, dashes, up to 40 characters');

/** Self-service sign-up: the organisation, its first admin and the plan (the price list's default when absent). */
export const RegisterBody = z.strictObject({
  companyName: CompanyName,
  name: z.string().trim().min(1).max(120),
  email: Email,
  password: Password,
  planSlug: PlanSlug.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** Not strict: mail clients and link scanners may append parameters of their own to the emailed link. */
export const VerifyEmailQuery = z.object({ token: z.string().min(20).max(200) });

/** A short-lived access token for `Authorization: Bearer`; the same session also rides in cookies. */
export const AccessToken = z
  .object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresAt: z.string() })
  .meta({ id: 'AccessToken' });
export type AccessToken = z.infer<typeof AccessToken>;

export const SignedIn = AccessToken.extend({ user: UserView }).meta({ id: 'SignedIn' });
export type SignedIn = z.infer<typeof SignedIn>;

/** The signed-in user and their tenant (null for platform staff). */
export const Me = z.object({ user: UserView, tenant: TenantView.nullable() }).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** The same answer whether or not the email already has an account, so sign-up reveals no accounts. */
export const RegistrationAccepted = z.object({ message: z.string() }).meta({ id: 'RegistrationAccepted' });
export type RegistrationAccepted = z.infer<typeof RegistrationAccepted>;

export const EmailVerified = z
  .object({
    tenantId: z.uuid(),
    status: z.enum(TENANT_STATUSES),
    verified: z.literal(true),
    /** The plan chosen at sign-up (null when none was). */
    planCode: z.string().nullable(),
    /** A paid plan chosen at sign-up and not paid yet: Stripe's Checkout page for it (null otherwise). */
    checkoutUrl: z.url().nullable(),
  })
  .meta({ id: 'EmailVerified' });
export type EmailVerified = z.infer<typeof EmailVerified>;
