import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * What became of a mail, recorded as the outbox row's status: `sent` only when an SMTP server accepted the
 * recipient, `logged` when there is no transport and the text only went to the development log, `failed` when
 * the server refused the recipient. Transport errors (server unreachable) throw, so the activity retries.
 */
export type MailOutcome = 'sent' | 'logged' | 'failed';

export interface Mailer {
  send(mail: OutgoingMail): Promise<MailOutcome>;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ from, ...mail });
        return info.accepted.length > 0 && info.rejected.length === 0 ? 'sent' : 'failed';
      } catch (error) {
        // Every recipient refused for good (5xx): nodemailer throws, but a retry would be refused again.
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        if (code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500) return 'failed';
        throw error;
      }
    },
  };
}

/** Development mailer: the message stays in the outbox table (status `logged`, never `sent`) and goes to the log. */
export function createLogMailer(log: (message: string) => void): Mailer {
  return {
    async send(mail) {
      log(`email to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return 'logged';
    },
  };
}
