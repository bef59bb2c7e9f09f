import nodemailer from 'nodemailer';

/** Why the SMTP server could not be verified, without its URL or credentials. */
export type SmtpVerifyFailure = 'timeout' | 'no_connection' | 'login_refused' | 'refused';

export class SmtpVerifyError extends Error {
  override readonly name = 'SmtpVerifyError';

  constructor(
    readonly failure: SmtpVerifyFailure,
    readonly responseCode: number | null,
  ) {
    super(`smtp: ${failure}${responseCode ? ` (${responseCode})` : ''}`);
  }
}

/**
 * Connects to the SMTP server, greets it and logs in as the mailer would (nodemailer's `verify`), sending nothing.
 * Throws an SmtpVerifyError; nodemailer's own errors may quote the server, so they stay inside.
 */
export async function verifySmtp(smtpUrl: string, timeoutMs: number): Promise<void> {
  // Timeouts are transport options (beside the URL); a second argument would only set message defaults.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.verify();
  } catch (error) {
    const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
    const response = typeof responseCode === 'number' ? responseCode : null;
    if (code === 'ETIMEDOUT') throw new SmtpVerifyError('timeout', response);
    if (code === 'EAUTH') throw new SmtpVerifyError('login_refused', response);
    if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS') {
      throw new SmtpVerifyError('no_connection', response);
    }
    throw new SmtpVerifyError('refused', response);
  } finally {
    transport.close();
  }
}
