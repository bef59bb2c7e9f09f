import { z } from 'zod';

/**
 * Where a tenant's dunning stands (decision 011): `starting` reads the subscription, `awaiting_payment` waits for
 * the next reminder, `reminding` mails one, `suspending` stops the calls, `suspended` waits for the payment.
 * It ends `paid` (the overdue payment arrived) or `ended` (the subscription left past due without it).
 */
export const DUNNING_STEPS = [
  'starting',
  'awaiting_payment',
  'reminding',
  'suspending',
  'suspended',
  'paid',
  'ended',
] as const;
export type DunningStep = (typeof DUNNING_STEPS)[number];

export const DUNNING_OUTCOMES = ['paid', 'ended'] as const satisfies readonly DunningStep[];
export type DunningOutcome = (typeof DUNNING_OUTCOMES)[number];

/** What the dunning workflow's `dunningProgress` query answers; instants are ISO strings. */
export const DunningProgress = z
  .object({
    tenantId: z.uuid(),
    step: z.enum(DUNNING_STEPS),
    /** When the payment fell past due; the schedule counts from here. */
    pastDueSince: z.string().nullable(),
    /** When calls stop (or stopped) unless the payment arrives. */
    suspendsAt: z.string().nullable(),
    suspendedAt: z.string().nullable(),
    nextReminderAt: z.string().nullable(),
    remindersSent: z.int(),
    remindersPlanned: z.int(),
    /** Distinct failed payment events seen while this dunning ran (the first included). */
    failedPayments: z.int(),
    history: z.array(z.object({ step: z.enum(DUNNING_STEPS), at: z.string() })),
  })
  .meta({ id: 'DunningProgress' });
export type DunningProgress = z.infer<typeof DunningProgress>;
