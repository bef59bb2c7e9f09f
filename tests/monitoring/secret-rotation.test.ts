import { randomBytes, randomUUID } from 'node:crypto';
import { Integration } from '../../db/entities';
import { createOrm, type Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { apiKeyContext, webhookSecretContext } from '../../domain/integrations/sealed-contexts';
import { resealSecrets } from '../../domain/secrets/reseal-secrets';
import { createSecretBox, type SecretBox } from '../../domain/secrets/secret-box';
import { makeTenant } from '../support/factories';
import { testDatabaseUrl } from '../support/harness';
import { openPrivateSchema, type PrivateSchema } from '../support/private-schema';

const KEY_A = 'rotation-test-key-a-0123456789abcdefghij';
const KEY_B = 'rotation-test-key-b-0123456789abcdefghij';
const KEY_LOST = 'rotation-test-key-nobody-has-any-longer';

/**
 * `npm run secrets:rotate` re-seals every tenant's secrets, so it runs in a schema of its own: in the shared one
 * it would re-seal other suites' integrations under a key their harness does not hold.
 */
describe('re-sealing tenants’ secrets under a new key', () => {
  let schema: PrivateSchema;
  let orm: Orm;
  beforeAll(async () => {
    schema = await openPrivateSchema('secret_rotation');
    orm = await createOrm(testDatabaseUrl(), { poolMax: 2 });
    await orm.migrator.up({ schema: schema.name });
  });
  afterAll(async () => {
    await orm?.close();
    await schema?.drop();
  });

  /** An integration of a new tenant with its key (and webhook secret) sealed by `box`. */
  async function sealedIntegration(box: SecretBox, withWebhookSecret: boolean) {
    const tenant = await makeTenant(orm);
    const id = randomUUID();
    const apiKey = `sk_${randomBytes(24).toString('hex')}`;
    const webhookSecret = withWebhookSecret ? `wsec_${randomBytes(16).toString('hex')}` : null;
    await inScope(orm, { tenantId: tenant.id }, async (em) => {
      em.create(Integration, {
        id,
        tenantId: tenant.id,
        provider: 'elevenlabs',
        status: 'active',
        secretCiphertext: box.seal(apiKey, apiKeyContext(id)),
        secretHint: '••••',
        webhookSecretCiphertext: webhookSecret && box.seal(webhookSecret, webhookSecretContext(id)),
        webhookToken: randomBytes(16).toString('hex'),
      });
      await em.flush();
    });
    return { id, apiKey, webhookSecret };
  }
  const rows = () =>
    inScope(orm, { system: 'test' }, (em) => em.find(Integration, {}, { orderBy: { id: 'asc' }, refresh: true }));

  it('re-seals every value under the new key, leaves the rest, names what no key opens, and is idempotent', async () => {
    const boxA = createSecretBox(KEY_A);
    const boxB = createSecretBox(KEY_B);
    const underA = [
      await sealedIntegration(boxA, true),
      await sealedIntegration(boxA, false),
      await sealedIntegration(boxA, true),
    ];
    const underB = await sealedIntegration(boxB, true);
    const lost = await sealedIntegration(createSecretBox(KEY_LOST), false);
    const before = new Map((await rows()).map((row) => [row.id, row]));

    const rotating = createSecretBox(KEY_B, [KEY_A]);
    const report = await resealSecrets({ orm, secretBox: rotating }, { batchSize: 2 });
    expect(report).toEqual({
      keyId: boxB.currentKeyId,
      rowsExamined: 5,
      valuesResealed: 5,
      unreadable: [{ integrationId: lost.id, column: 'secretCiphertext' }],
    });
    expect(boxB.currentKeyId).not.toBe(boxA.currentKeyId);

    const after = new Map((await rows()).map((row) => [row.id, row]));
    for (const { id, apiKey, webhookSecret } of [...underA, underB]) {
      const row = after.get(id)!;
      expect(boxB.keyIdOf(row.secretCiphertext)).toBe(boxB.currentKeyId);
      expect(boxB.open(row.secretCiphertext, apiKeyContext(id))).toBe(apiKey);
      expect(row.webhookSecretCiphertext && boxB.open(row.webhookSecretCiphertext, webhookSecretContext(id))).toBe(
        webhookSecret,
      );
    }
    expect(after.get(underB.id)!.secretCiphertext).toBe(before.get(underB.id)!.secretCiphertext);
    expect(after.get(lost.id)!.secretCiphertext).toBe(before.get(lost.id)!.secretCiphertext);

    const again = await resealSecrets({ orm, secretBox: rotating }, { batchSize: 2 });
    expect(again).toMatchObject({ rowsExamined: 5, valuesResealed: 0 });
    expect(new Map((await rows()).map((row) => [row.id, row.secretCiphertext]))).toEqual(
      new Map([...after].map(([id, row]) => [id, row.secretCiphertext])),
    );
  });
});
