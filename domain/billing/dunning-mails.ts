import { mailSafeText } from '../tenants/mail-safe-text';

/** An unpaid invoice as the dunning mails list it: number (or period), amount and Stripe's hosted payment page. */
export interface OverdueInvoice {
  label: string;
  totalCents: number;
  currency: string;
  hostedInvoiceUrl: string | null;
}

export interface DunningMail {
  subject: string;
  text: string;
}

interface MailContext {
  /** The organisation's name, typed at sign-up: made mail-safe here. */
  tenantName: string;
  /** The portal's invoice list, for invoices without a hosted page. */
  invoicesUrl: string;
}

const money = (cents: number, currency: string): string => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.trim() }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
};

/** `2026-05-20 12:00 UTC`: one unambiguous form, whatever the reader's time zone. */
const instant = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function invoiceLines(invoices: readonly OverdueInvoice[], invoicesUrl: string): string {
  const lines = invoices.map(
    (invoice) =>
      `- ${invoice.label}: ${money(invoice.totalCents, invoice.currency)}` +
      (invoice.hostedInvoiceUrl ? `, pay it here: ${invoice.hostedInvoiceUrl}` : ''),
  );
  return [...lines, `All invoices: ${invoicesUrl}`].join('\n');
}

/** Reminder `number` of `total`: the payment failed, how to pay, and when the calls stop if it does not arrive. */
export function dunningReminderMail(
  context: MailContext & { number: number; total: number; invoices: readonly OverdueInvoice[]; suspendsAt: Date },
): DunningMail {
  const name = mailSafeText(context.tenantName);
  const subject =
    context.number === 1
      ? `Payment failed for "${name}" on VoicePlane`
      : `Reminder ${context.number} of ${context.total}: a payment for "${name}" is overdue`;
  return {
    subject,
    text:
      `We could not collect a payment for "${name}". Please pay the open invoice or update your payment method:\n\n` +
      `${invoiceLines(context.invoices, context.invoicesUrl)}\n\n` +
      `Unless the payment arrives by ${instant(context.suspendsAt)}, calls to your assistants will be paused ` +
      'until it does.\n',
  };
}

/** The calls are paused until the payment arrives. */
export function dunningSuspensionMail(context: MailContext & { invoices: readonly OverdueInvoice[] }): DunningMail {
  const name = mailSafeText(context.tenantName);
  return {
    subject: `Calls paused for "${name}" on VoicePlane: a payment is overdue`,
    text:
      `A payment for "${name}" is still overdue, so calls to your assistants are paused. Callers hear that the ` +
      'service is paused until an open payment is settled.\n\n' +
      `${invoiceLines(context.invoices, context.invoicesUrl)}\n\n` +
      'Calls are taken again as soon as the payment arrives.\n',
  };
}

/** The payment arrived and calls are taken again. */
export function dunningRestoredMail(context: MailContext): DunningMail {
  const name = mailSafeText(context.tenantName);
  return {
    subject: `Payment received: calls for "${name}" are back on VoicePlane`,
    text:
      `Thank you: the overdue payment for "${name}" has arrived and calls to your assistants are taken again.\n\n` +
      `Your invoices: ${context.invoicesUrl}\n`,
  };
}
