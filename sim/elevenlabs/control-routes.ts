import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { SimContext } from '../context';
import { playConversations } from './conversation-generator';
import { createAccount, createAgent, createKey, PERMISSIONS, setWebhook } from './state';

const Webhook = z.strictObject({ url: z.url(), secret: z.string().min(1).optional() });
const AccountBody = z.strictObject({
  name: z.string().min(1).optional(),
  tier: z.string().min(1).optional(),
  webhook: Webhook.optional(),
  /** Scopes of the account's first key; by default all of them. */
  permissions: z.array(z.enum(PERMISSIONS)).optional(),
});
const KeyBody = z.strictObject({ permissions: z.array(z.enum(PERMISSIONS)).optional() });
const AgentBody = z.strictObject({
  name: z.string().min(1).optional(),
  language: z.string().min(2).optional(),
  tags: z.array(z.string()).optional(),
});
const rate = z.number().min(0).max(1);
const PlanBody = z.strictObject({
  agentId: z.string().min(1),
  count: z.number().int().min(1).max(20_000).default(1),
  seed: z.number().int().optional(),
  startUnix: z.number().int().min(0).optional(),
  spacingSecs: z.number().int().min(0).default(90),
  initiationFailureRate: rate.default(0.1),
  successRate: rate.default(0.75),
  audio: z.boolean().default(true),
  webhooks: z.boolean().default(true),
  duplicateRate: rate.default(0),
  lossRate: rate.default(0),
  reorder: z.boolean().default(false),
  concurrency: z.number().int().min(1).max(64).default(1),
  deliverTo: z.url().optional(),
});

type AccountParams = { Params: { accountId: string } };

/**
 * `/_sim/elevenlabs`: what the ElevenLabs dashboard does in a real account (workspaces, API keys with scopes,
 * agents, the post-call webhook) and a generator that plays conversations and sends their webhooks.
 */
export async function elevenLabsControlRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const state = () => sim.state.elevenlabs;
  const invalid = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({
      message: 'Invalid request',
      errors: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  const accountOr404 = (accountId: string, reply: FastifyReply) => {
    const account = state().accounts.get(accountId);
    if (!account) reply.code(404).send({ message: `No simulated account ${accountId}` });
    return account;
  };

  app.post('/accounts', async (request, reply) => {
    const parsed = AccountBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    const account = createAccount(state(), parsed.data);
    const key = createKey(state(), account.id, { permissions: parsed.data.permissions });
    return reply.code(201).send({ accountId: account.id, apiKey: key.key, webhook: account.webhook });
  });

  app.post<AccountParams>('/accounts/:accountId/keys', async (request, reply) => {
    const parsed = KeyBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    if (!accountOr404(request.params.accountId, reply)) return reply;
    const key = createKey(state(), request.params.accountId, parsed.data);
    return reply.code(201).send({ apiKey: key.key, permissions: key.permissions });
  });

  app.delete<{ Params: { key: string } }>('/keys/:key', async (request, reply) => {
    const key = state().keys.get(request.params.key);
    if (!key) return reply.code(404).send({ message: 'No such key' });
    key.revoked = true;
    return reply.code(204).send();
  });

  app.post<AccountParams>('/accounts/:accountId/agents', async (request, reply) => {
    const parsed = AgentBody.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error);
    if (!accountOr404(request.params.accountId, reply)) return reply;
    const agent = createAgent(state(), request.params.accountId, parsed.data);
    return reply.code(201).send({ agentId: agent.id, name: agent.name });
  });

  app.put<AccountParams>('/accounts/:accountId/webhook', async (request, reply) => {
    const parsed = Webhook.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const account = accountOr404(request.params.accountId, reply);
    if (!account) return reply;
    return setWebhook(account, parsed.data);
  });

  app.post('/conversations', async (request, reply) => {
    const parsed = PlanBody.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const played = await playConversations(state(), parsed.data);
    return 'error' in played ? reply.code(played.status).send({ message: played.error }) : reply.code(201).send(played);
  });
}
