/** Outgoing email: queued, sent over SMTP, written to the log (no SMTP in development), or given up. */
export const EMAIL_STATUSES = ['queued', 'sent', 'logged', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
