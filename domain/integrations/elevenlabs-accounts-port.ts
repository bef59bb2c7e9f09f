// The ElevenLabs calls a person waits on (test connection, validate an agent), made with the tenant's own key.
// Implemented in temporal/elevenlabs-accounts.ts over the SDK adapter; failures are thrown as ElevenLabsFailures.

export type KeyCheckResult =
  | { status: 'active'; tier: string | null; limitations: string[] }
  | { status: 'rejected'; reason: 'invalid_key' | 'missing_permission'; permission: string | null; message: string };

export interface AgentDetails {
  id: string;
  name: string;
  language: string | null;
  voiceId: string | null;
  firstMessage: string | null;
  tags: string[];
}

export interface ElevenLabsAccounts {
  checkKey(apiKey: string): Promise<KeyCheckResult>;
  /** null when the key's workspace has no such agent. */
  getAgent(apiKey: string, agentId: string): Promise<AgentDetails | null>;
}
