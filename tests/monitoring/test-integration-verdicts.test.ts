import { randomUUID } from 'node:crypto';
import { AuditLog, Integration } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import type { Actor } from '../../domain/auth/actor';
import type { ConversationSyncs } from '../../domain/conversations/sync-port';
import type { ElevenLabsAccounts } from '../../domain/integrations/elevenlabs-accounts-port';
import { ElevenLabsFailure } from '../../domain/integrations/elevenlabs-failure';
import { INVALID_KEY_REASON } from '../../domain/integrations/key-check-outcome';
import { apiKeyContext } from '../../domain/integrations/sealed-contexts';
import { testIntegration } from '../../domain/integrations/test-integration';
import { createSecretBox } from '../../domain/secrets/secret-box';
import { makeMonitoredAgent, makeTenant, makeUser } from '../support/factories';
import { TEST_SECRET, testDatabaseUrl } from '../support/harness';

const box = createSecretBox(TEST_SECRET);
const CHECKED_AT = new Date('2026-11-10T12:00:00Z');

/**
 * The connection test's verdicts for answers the ElevenLabs simulator does not give: a refusal raised as a failure
 * (rather than answered as a check result), an unexpected error, and a key replaced while it was being checked.
 */
describe('testing a tenant’s ElevenLabs key', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
  });
  afterAll(() => orm?.close());

  /** A tenant whose active integration holds `sk_original_key`, and its admin. */
  async function connected() {
    const tenant = await makeTenant(orm);
    const { integrationId } = await makeMonitoredAgent(orm, {
      tenantId: tenant.id,
      apiKey: 'sk_original_key',
      externalAgentId: `agent_${randomUUID()}`,
      agentName: 'Agent',
    });
    const admin = await makeUser(orm, 'customer_admin', tenant.id);
    const actor: Actor = { userId: admin.id, role: 'customer_admin', tenantId: tenant.id };
    return { tenantId: tenant.id, integrationId, actor };
  }

  /** The use case's dependencies with ElevenLabs answering `checkKey`; the sync's schedule changes are recorded. */
  function depsWith(checkKey: ElevenLabsAccounts['checkKey']) {
    const follows: Array<{ tenantId: string; active: boolean }> = [];
    const syncs = {
      async follow(input: { tenantId: string; active: boolean }) {
        follows.push(input);
      },
    } as unknown as ConversationSyncs;
    const accounts: ElevenLabsAccounts = { checkKey, getAgent: async () => null };
    return {
      deps: { orm, secretBox: box, publicBaseUrl: 'http://localhost:3000', elevenLabs: { accounts, syncs } },
      follows,
    };
  }

  const rowOf = (integrationId: string) =>
    inScope(orm, { system: 'test' }, (em) => em.findOneOrFail(Integration, { id: integrationId }, { refresh: true }));
  const testsAudited = (tenantId: string) =>
    inScope(orm, { system: 'test' }, (em) => em.count(AuditLog, { tenantId, action: 'integration.tested' }));

  it('records ERROR with the invalid-key reason when ElevenLabs refuses the key, pausing the sync', async () => {
    const { tenantId, integrationId, actor } = await connected();
    const { deps, follows } = depsWith(async () => {
      throw new ElevenLabsFailure('key_refused', 'invalid_api_key');
    });
    const view = await testIntegration(deps, { actor, now: CHECKED_AT });
    expect(view).toMatchObject({
      status: 'error',
      lastError: INVALID_KEY_REASON,
      checkDetail: null,
      lastCheckedAt: CHECKED_AT.toISOString(),
    });
    expect(follows).toEqual([{ tenantId, active: false }]);
    expect((await rowOf(integrationId)).status).toBe('error');
  });

  it('records ERROR with ElevenLabs’ own words when it refuses the check for another reason', async () => {
    const { actor } = await connected();
    const { deps } = depsWith(async () => {
      throw new ElevenLabsFailure('refused', 'the workspace is disabled');
    });
    const view = await testIntegration(deps, { actor, now: CHECKED_AT });
    expect(view).toMatchObject({
      status: 'error',
      lastError: 'ElevenLabs refused the check: the workspace is disabled',
    });
  });

  it('lets an unexpected error through, recording no verdict and keeping the key ACTIVE', async () => {
    const { tenantId, integrationId, actor } = await connected();
    const bug = new TypeError('cannot read properties of undefined');
    const { deps, follows } = depsWith(async () => {
      throw bug;
    });
    await expect(testIntegration(deps, { actor })).rejects.toBe(bug);
    expect(await rowOf(integrationId)).toMatchObject({ status: 'active', lastCheckedAt: null });
    expect(await testsAudited(tenantId)).toBe(0);
    expect(follows).toEqual([]);
  });

  it('refuses (409) a verdict about a key that was replaced while it was being checked', async () => {
    const { tenantId, integrationId, actor } = await connected();
    const replaced = box.seal('sk_replacement_key', apiKeyContext(integrationId));
    const checkedKeys: string[] = [];
    const { deps, follows } = depsWith(async (apiKey) => {
      checkedKeys.push(apiKey);
      // The admin saves another key before ElevenLabs answers about the first.
      await inScope(orm, { tenantId }, (em) =>
        em.nativeUpdate(Integration, { id: integrationId }, { secretCiphertext: replaced, status: 'unverified' }),
      );
      return { status: 'rejected', reason: 'invalid_key', permission: null, message: 'invalid_api_key' };
    });
    await expect(testIntegration(deps, { actor })).rejects.toMatchObject({
      code: 'conflict',
      message: 'The key changed while it was being tested; test the connection again',
    });
    expect(checkedKeys).toEqual(['sk_original_key']);
    expect(await rowOf(integrationId)).toMatchObject({ status: 'unverified', lastError: null, lastCheckedAt: null });
    expect(await testsAudited(tenantId)).toBe(0);
    expect(follows).toEqual([]);
  });
});
