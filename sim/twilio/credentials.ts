/** The account the simulator stands in for; it signs webhooks with this token as Twilio signs with an auth token. */
export { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from '../../config/simulator-credentials';
