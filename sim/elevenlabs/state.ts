import { randomBytes } from 'node:crypto';

/** The scopes a key may hold that the simulated routes check; real keys have more, these are the ones we call. */
export const PERMISSIONS = ['user_read', 'convai_read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type CallOutcome = 'success' | 'failure' | 'unknown';
export type InitiationFailureReason = 'busy' | 'no-answer' | 'unknown';

export interface ElevenLabsAccount {
  id: string;
  name: string;
  tier: string;
  createdAt: number;
  /** The workspace's post-call webhook (`post_call_transcription`, `post_call_audio`, `call_initiation_failure`). */
  webhook: { url: string; secret: string } | null;
}

export interface ElevenLabsKey {
  key: string;
  accountId: string;
  permissions: Permission[];
  revoked: boolean;
}

export interface ElevenLabsAgent {
  id: string;
  accountId: string;
  name: string;
  voiceId: string;
  language: string;
  firstMessage: string;
  prompt: string;
  tags: string[];
  createdAt: number;
}

export interface TranscriptTurn {
  role: 'agent' | 'user';
  message: string;
  timeInCallSecs: number;
  interrupted: boolean;
}

export interface ConversationAnalysis {
  callSuccessful: CallOutcome;
  summary: string;
  title: string;
  evaluations: Array<{ id: string; result: CallOutcome; rationale: string }>;
  dataCollection: Array<{ id: string; value: string | number | boolean | null; rationale: string }>;
}

export interface ElevenLabsConversation {
  id: string;
  accountId: string;
  agentId: string;
  /** `done` once analysed; `failed` for a call that never connected (call_initiation_failure). */
  status: 'done' | 'failed';
  startUnix: number;
  durationSecs: number;
  transcript: TranscriptTurn[];
  analysis: ConversationAnalysis | null;
  terminationReason: string;
  /** Credits, as `metadata.cost`; split into call and LLM charges in `metadata.charging`. */
  callCharge: number;
  llmCharge: number;
  llmPriceUsd: number;
  /** What the call cost in USD (`metadata.cost_fiat`): the LLM price plus the per-minute platform price. */
  costUsd: number;
  mainLanguage: string;
  phoneCall: {
    direction: 'inbound' | 'outbound';
    phoneNumberId: string;
    agentNumber: string;
    externalNumber: string;
    callSid: string;
    streamSid: string;
  };
  initiationFailure: { reason: InitiationFailureReason; sipStatusCode: number } | null;
  hasAudio: boolean;
}

export type WebhookType = 'post_call_transcription' | 'post_call_audio' | 'call_initiation_failure';

export interface WebhookDelivery {
  conversationId: string;
  type: WebhookType;
  url: string;
  /** A copy sent again on purpose (`duplicateRate`). */
  duplicate: boolean;
  /** Never sent (`lossRate`); the conversation is still in the list, so a sync finds it. */
  lost: boolean;
  /** The receiver's answer; null when lost, 0 when nothing answered. */
  httpStatus: number | null;
  ms: number;
}

export interface ElevenLabsState {
  accounts: Map<string, ElevenLabsAccount>;
  keys: Map<string, ElevenLabsKey>;
  agents: Map<string, ElevenLabsAgent>;
  /** In creation order; lists sort by start time. */
  conversations: Map<string, ElevenLabsConversation>;
  deliveries: WebhookDelivery[];
}

/** An empty simulator; `seededElevenLabsState` (seed.ts) is what the simulator starts with. */
export function createElevenLabsState(): ElevenLabsState {
  return { accounts: new Map(), keys: new Map(), agents: new Map(), conversations: new Map(), deliveries: [] };
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** ElevenLabs ids: a prefix and 28 lower-case base-32 characters (`agent_3701k3ttaq12ewp8b7qv5rfyszkz`). */
export function elevenLabsId(prefix: 'agent' | 'conv' | 'acct'): string {
  const chars = [...randomBytes(28)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${prefix}_${chars}`;
}

export const nowUnix = () => Math.floor(Date.now() / 1000);

export function createAccount(
  state: ElevenLabsState,
  input: { id?: string; name?: string; tier?: string; webhook?: { url: string; secret?: string } },
): ElevenLabsAccount {
  const account: ElevenLabsAccount = {
    id: input.id ?? elevenLabsId('acct'),
    name: input.name ?? 'Simulated workspace',
    tier: input.tier ?? 'creator',
    createdAt: nowUnix(),
    webhook: null,
  };
  state.accounts.set(account.id, account);
  if (input.webhook) setWebhook(account, input.webhook);
  return account;
}

/** Sets the workspace's post-call webhook; without a secret one is made, as the dashboard shows one on creation. */
export function setWebhook(account: ElevenLabsAccount, webhook: { url: string; secret?: string }) {
  account.webhook = { url: webhook.url, secret: webhook.secret ?? `wsec_${randomBytes(32).toString('hex')}` };
  return account.webhook;
}

export function createKey(
  state: ElevenLabsState,
  accountId: string,
  options: { key?: string; permissions?: readonly Permission[] } = {},
): ElevenLabsKey {
  const key: ElevenLabsKey = {
    key: options.key ?? `sk_${randomBytes(24).toString('hex')}`,
    accountId,
    permissions: [...(options.permissions ?? PERMISSIONS)],
    revoked: false,
  };
  state.keys.set(key.key, key);
  return key;
}

export function createAgent(
  state: ElevenLabsState,
  accountId: string,
  input: { id?: string; name?: string; language?: string; tags?: string[] } = {},
): ElevenLabsAgent {
  const name = input.name ?? 'Simulated agent';
  const agent: ElevenLabsAgent = {
    id: input.id ?? elevenLabsId('agent'),
    accountId,
    name,
    voiceId: 'cjVigY5qzO86Huf0OWal',
    language: input.language ?? 'en',
    firstMessage: `Hello, this is ${name}. How can I help you today?`,
    prompt: `You are ${name}, a friendly receptionist. Answer briefly and book appointments when asked.`,
    tags: input.tags ?? [],
    createdAt: nowUnix(),
  };
  state.agents.set(agent.id, agent);
  return agent;
}

/** The prefix and the last four characters, as the dashboard shows a key. */
export const keyPreview = (key: string) => `${key.slice(0, 3)}…${key.slice(-4)}`;
