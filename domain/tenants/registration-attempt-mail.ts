/**
 * The notice to an address that already has an account when someone signs up with it again. It quotes nothing
 * the person signing up typed (company name, their name): a stranger must not be able to write to the owner.
 */
export function registrationAttemptMail(input: { signInUrl: string }): { subject: string; text: string } {
  return {
    subject: 'Someone tried to register with your email address on VoicePlane',
    text:
      'Someone tried to create a new VoicePlane organisation with this email address, which already has an ' +
      'account. Nothing was created or changed.\n\n' +
      `If it was you, sign in instead:\n${input.signInUrl}\n\n` +
      'If you forgot your password, ask an administrator of your organisation or VoicePlane support to reset it. ' +
      'If it was not you, you can ignore this email.\n',
  };
}
