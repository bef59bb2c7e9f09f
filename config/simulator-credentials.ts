/**
 * The credentials the provider simulator accepts and signs with. They are public (in this repository), which is
 * why live mode refuses them: a platform verifying webhooks with them would accept anyone's.
 */
export const SIMULATOR_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const SIMULATOR_AUTH_TOKEN = 'simulator';
