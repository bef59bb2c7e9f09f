import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** `sent` when handed to an SMTP server, `logged` when only written to the log (development default). */
  send(mail: OutgoingMail): Promise<'sent' | 'logged'>;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
      return 'sent';
    },
  };
}

/** Development mailer: the message stays in the outbox table and its text goes to the log. */
export function createLogMailer(log: (message: string) => void): Mailer {
  return {
    async send(mail) {
      log(`email to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return 'logged';
    },
  };
}
