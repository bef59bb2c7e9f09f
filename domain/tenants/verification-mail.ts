import { mailSafeText } from './mail-safe-text';

/** The verification email; the company name comes from whoever signed up, so it is made mail-safe and quoted. */
export function verificationMail(input: { tenantName: string; link: string }): { subject: string; text: string } {
  const name = mailSafeText(input.tenantName);
  return {
    subject: `Confirm "${name}" on VoicePlane`,
    text: `Welcome to VoicePlane!\n\nConfirm your email address to activate "${name}":\n${input.link}\n`,
  };
}
