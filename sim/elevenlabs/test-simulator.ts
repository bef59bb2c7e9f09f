import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { simControl } from '../sim-control';
import { useSimulator } from '../use-simulator';
import { elevenLabsSimControl } from './elevenlabs-control';
import type { Permission } from './state';

/**
 * For tests of the ElevenLabs simulator and of what uses it: registers the suite's hooks (one simulator per file,
 * reset before each test) and gives its URLs, both control clients, an SDK client and a workspace factory.
 */
export function useElevenLabsSimulator() {
  const started = useSimulator();

  const helpers = {
    get url() {
      return started().url;
    },
    /** Where the SDK's `baseUrl` points. */
    get baseUrl() {
      return `${started().url}/elevenlabs`;
    },
    /** `/_sim`: faults, state, reset. */
    get control() {
      return simControl(started().url);
    },
    /** `/_sim/elevenlabs`: accounts, keys, agents, webhooks, the conversation generator. */
    get elevenlabs() {
      return elevenLabsSimControl(started().url);
    },
    /** The official SDK as the adapter sets it up: one attempt, a short timeout. */
    client: (apiKey: string, timeoutInSeconds = 5) =>
      new ElevenLabsClient({ apiKey, baseUrl: helpers.baseUrl, maxRetries: 0, timeoutInSeconds }),
    /** A raw GET with `xi-api-key`, for status codes, headers and bodies exactly as sent. */
    get: (path: string, apiKey?: string) =>
      fetch(`${helpers.baseUrl}${path}`, { headers: apiKey === undefined ? {} : { 'xi-api-key': apiKey } }),
    /** A new workspace with one key and one agent. */
    async workspace(options: { permissions?: Permission[]; webhookUrl?: string } = {}) {
      const account = await helpers.elevenlabs.createAccount({
        permissions: options.permissions,
        ...(options.webhookUrl ? { webhook: { url: options.webhookUrl } } : {}),
      });
      const agent = await helpers.elevenlabs.createAgent(account.accountId, { name: 'Front desk' });
      return { ...account, agentId: agent.agentId };
    },
  };
  return helpers;
}
