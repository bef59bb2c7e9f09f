import { z } from 'zod';
import { ONBOARDING_FAILURE_STEPS, ONBOARDING_STEPS, SIGNUP_STAGE_STATES, SIGNUP_STAGES } from './onboarding-step';
import { TENANT_STATUSES } from './tenant-status';
import { Email } from './users';

export const SignupStageView = z
  .object({ stage: z.enum(SIGNUP_STAGES), state: z.enum(SIGNUP_STAGE_STATES) })
  .meta({ id: 'SignupStageView' });
export type SignupStageView = z.infer<typeof SignupStageView>;

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2-63 characters');

export const CompanyName = z.string().trim().min(2).max(120);

export const CreateTenantBody = z.strictObject({
  name: CompanyName,
  slug: Slug.optional(),
  contactEmail: Email,
});
export type CreateTenantBody = z.infer<typeof CreateTenantBody>;

const Reason = z.string().trim().min(3).max(500);

/** Why the tenant is suspended, kept in the audit trail. */
export const DeactivateTenantBody = z.strictObject({ reason: Reason });
export type DeactivateTenantBody = z.infer<typeof DeactivateTenantBody>;

export const ReactivateTenantBody = z.strictObject({ reason: Reason.optional() });
export type ReactivateTenantBody = z.infer<typeof ReactivateTenantBody>;

export const TenantListQuery = z.strictObject({ status: z.enum(TENANT_STATUSES).optional() });
export type TenantListQuery = z.infer<typeof TenantListQuery>;

export const TenantView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    status: z.enum(TENANT_STATUSES),
    /** The onboarding step last mirrored on the tenant row (see OnboardingProgress for the live one). */
    onboardingStep: z.string(),
    contactEmail: z.string(),
    verifiedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TenantView' });
export type TenantView = z.infer<typeof TenantView>;

/** A tenant a platform admin just created, with the onboarding run started for it. */
export const CreatedTenant = TenantView.extend({
  onboarding: z.object({
    workflowId: z.string(),
    /** The run in Temporal's Web UI, for operators. */
    workflowUrl: z.string(),
  }),
}).meta({ id: 'CreatedTenant' });
export type CreatedTenant = z.infer<typeof CreatedTenant>;

const OnboardingStep = z.enum([...ONBOARDING_STEPS, ...ONBOARDING_FAILURE_STEPS]);

export const OnboardingProgress = z
  .object({
    tenantId: z.uuid(),
    step: OnboardingStep,
    verified: z.boolean(),
    /** When the pending tenant is removed if the email is not verified (ISO time), once the wait has begun. */
    verificationDeadline: z.string().nullable(),
    history: z.array(z.object({ step: OnboardingStep, at: z.string() })),
    /** The plan chosen at sign-up (null: none was chosen, e.g. a tenant a platform admin created). */
    planCode: z.string().nullable(),
    /** The customer's view of the same run: verify email → choose/pay → ready. */
    stages: z.array(SignupStageView),
    /** `workflow` while the run answers queries; `database` (the step mirrored on the tenant) after it ended. */
    source: z.enum(['workflow', 'database']),
    /** The run in Temporal's Web UI: for platform operators only, null for customers. */
    workflowUrl: z.string().nullable(),
  })
  .meta({ id: 'OnboardingProgress' });
export type OnboardingProgress = z.infer<typeof OnboardingProgress>;

/** A fresh verification link is on its way; it expires when the first one would have. */
export const VerificationResent = z
  .object({ tenantId: z.uuid(), sentTo: z.string(), expiresAt: z.string() })
  .meta({ id: 'VerificationResent' });
export type VerificationResent = z.infer<typeof VerificationResent>;

/** The onboarding workflow was told the address is confirmed; it activates the tenant shortly after. */
export const ManualVerification = z
  .object({ tenantId: z.uuid(), activation: z.literal('requested') })
  .meta({ id: 'ManualVerification' });
export type ManualVerification = z.infer<typeof ManualVerification>;
