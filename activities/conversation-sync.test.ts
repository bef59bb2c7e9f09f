import type { Orm } from '../db/orm';
import { createConversationSyncActivities, type ConversationSyncActivityDeps } from './conversation-sync';

describe('pauseConversationSync', () => {
  it('pauses a run recorded before key fingerprints existed without looking up which key is held', async () => {
    const calls: string[] = [];
    // Any database access would throw: without a fingerprint there is nothing to compare the held key with.
    const orm = new Proxy({} as Orm, {
      get: (_target, property) => {
        throw new Error(`the database was consulted (orm.${String(property)})`);
      },
    });
    const activities = createConversationSyncActivities({
      orm,
      secretBox: {} as ConversationSyncActivityDeps['secretBox'],
      elevenLabs: () => {
        throw new Error('ElevenLabs was called');
      },
      conversations: { deliver: async () => undefined },
      syncSchedules: {
        pause: async (tenantId, note) => void calls.push(`pause ${tenantId}: ${note}`),
        resume: async (tenantId, note) => void calls.push(`resume ${tenantId}: ${note}`),
      },
    });

    await activities.pauseConversationSync({ tenantId: 'tenant_1', note: 'ElevenLabs refused the key' });

    expect(calls).toEqual(['pause tenant_1: ElevenLabs refused the key']);
  });
});
