import { Integration } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { inScope } from '../../db/scope';
import { apiKeyContext, webhookSecretContext } from '../integrations/sealed-contexts';
import { SealedSecretError, type SecretBox } from './secret-box';

/** Every sealed column, with the context its values are bound to. */
const SEALED_COLUMNS = [
  { column: 'secretCiphertext', context: apiKeyContext },
  { column: 'webhookSecretCiphertext', context: webhookSecretContext },
] as const;

export interface ResealReport {
  /** The key every value is sealed under now. */
  keyId: string;
  rowsExamined: number;
  valuesResealed: number;
  /** Values no key of the ring opens (named by row and column, never by content): they stay as they were. */
  unreadable: Array<{ integrationId: string; column: string }>;
}

/**
 * Re-seals, across every tenant (system scope), each sealed value that is not under the box's current key, batch
 * by batch. Idempotent: a second run finds nothing to do. A value is replaced only while it is still the one that
 * was read, so a key a tenant saves during the rotation is never overwritten with its predecessor.
 */
export async function resealSecrets(
  deps: { orm: Orm; secretBox: SecretBox },
  { batchSize = 100 }: { batchSize?: number } = {},
): Promise<ResealReport> {
  const box = deps.secretBox;
  const report: ResealReport = { keyId: box.currentKeyId, rowsExamined: 0, valuesResealed: 0, unreadable: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const done = await inScope(deps.orm, { system: 'secrets:rotate' }, async (em) => {
      const rows = await em.find(
        Integration,
        { id: { $gt: after } },
        {
          fields: ['id', ...SEALED_COLUMNS.map(({ column }) => column)],
          orderBy: { id: 'asc' },
          limit: batchSize,
        },
      );
      for (const row of rows) {
        report.rowsExamined += 1;
        for (const { column, context } of SEALED_COLUMNS) {
          const sealed = row[column];
          if (!sealed || box.keyIdOf(sealed) === box.currentKeyId) continue;
          let plaintext: string;
          try {
            plaintext = box.open(sealed, context(row.id));
          } catch (error) {
            if (!(error instanceof SealedSecretError)) throw error;
            report.unreadable.push({ integrationId: row.id, column });
            continue;
          }
          const resealed = box.seal(plaintext, context(row.id));
          report.valuesResealed += await em.nativeUpdate(
            Integration,
            { id: row.id, [column]: sealed },
            { [column]: resealed },
          );
        }
      }
      after = rows.at(-1)?.id ?? after;
      return rows.length < batchSize;
    });
    if (done) return report;
  }
}
