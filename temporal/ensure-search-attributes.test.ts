import Long from 'long';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '../tests/support/harness';
import { ensureSearchAttributes } from './ensure-search-attributes';

describe('ensureSearchAttributes', () => {
  it('registers TenantId and BotId on a namespace that lacks them, and repeating it is harmless', async () => {
    const connection = await Connection.connect({ address: testTemporalAddress() });
    const namespace = `sa-${randomUUID().slice(0, 8)}`;
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) },
      });
      const custom = async () =>
        Object.keys((await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {});
      expect(await custom()).not.toContain('TenantId');
      const client = new Client({ connection, namespace });
      await ensureSearchAttributes(client, namespace);
      await ensureSearchAttributes(client, namespace);
      expect(await custom()).toEqual(expect.arrayContaining(['TenantId', 'BotId']));
    } finally {
      await connection.close();
    }
  });
});
