/** The account the simulator stands in for; it signs webhooks with this token as Twilio signs with an auth token. */
export const SIMULATOR_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const SIMULATOR_AUTH_TOKEN = 'simulator';
