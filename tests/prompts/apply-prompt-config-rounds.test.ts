import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { withStandInWorker, type StandInActivities } from '../support/stand-in-worker';

type Targets = { version: number; botIds: string[] };

/**
 * `listPromptTargets` answers `targets` in turn (the last one from then on); `applyBotPrompt` gives each bot the
 * version committed at the time (null for bots in `noApp`, a refusal for bots in `refused`).
 */
function promptActivities(targets: Targets[], options: { noApp?: string[]; refused?: string[] } = {}) {
  let listed = 0;
  const applied: string[] = [];
  const current = (): Targets => targets[Math.min(listed, targets.length) - 1]!;
  const activities: StandInActivities = {
    listPromptTargets: async () => {
      listed += 1;
      return current();
    },
    applyBotPrompt: async ({ botId }: { botId: string }) => {
      if (options.refused?.includes(botId)) throw ApplicationFailure.nonRetryable(`App of ${botId} is locked`);
      applied.push(botId);
      return options.noApp?.includes(botId) ? null : current().version;
    },
  };
  return { activities, applied, lists: () => listed };
}

const rollOut = (activities: StandInActivities, version: number) =>
  withStandInWorker(activities, ({ client, taskQueue }) =>
    client.workflow.execute('applyPromptConfig', {
      taskQueue,
      workflowId: `apply-prompt-config-${randomUUID()}`,
      args: [{ tenantId: randomUUID(), version }],
    }),
  );

describe('prompt rollout rounds', () => {
  it('lists a bot that runs no app as skipped and gives the others the version', async () => {
    const { activities } = promptActivities([{ version: 4, botIds: ['bot-a', 'bot-b'] }], { noApp: ['bot-b'] });
    expect(await rollOut(activities, 4)).toEqual({ version: 4, applied: ['bot-a'], skipped: ['bot-b'], rounds: 1 });
  });

  it('sets the prompt on every other bot when one refuses, then fails naming the refused bot', async () => {
    const { activities, applied, lists } = promptActivities([{ version: 2, botIds: ['bot-a', 'bot-b', 'bot-c'] }], {
      refused: ['bot-b'],
    });
    const error = await rollOut(activities, 2).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause as ApplicationFailure;
    expect({ type: cause.type, message: cause.message }).toEqual({
      type: 'PromptRolloutFailed',
      message: 'The prompt could not be set on 1 bot(s): bot-b',
    });
    expect(applied).toEqual(['bot-a', 'bot-c']);
    // A failed round is not checked for newer settings: nothing more is applied.
    expect(lists()).toBe(1);
  });

  it('repeats the round when a newer version was saved while it ran, ending on the newest', async () => {
    const { activities, applied } = promptActivities([
      { version: 4, botIds: ['bot-a'] },
      { version: 5, botIds: ['bot-a'] },
    ]);
    expect(await rollOut(activities, 4)).toEqual({ version: 5, applied: ['bot-a'], skipped: [], rounds: 2 });
    expect(applied).toEqual(['bot-a', 'bot-a']);
  });

  it('repeats the round for a bot that appeared while it ran', async () => {
    const { activities, applied } = promptActivities([
      { version: 3, botIds: ['bot-a'] },
      { version: 3, botIds: ['bot-a', 'bot-new'] },
    ]);
    expect(await rollOut(activities, 3)).toEqual({
      version: 3,
      applied: ['bot-a', 'bot-new'],
      skipped: [],
      rounds: 2,
    });
    expect(applied).toEqual(['bot-a', 'bot-a', 'bot-new']);
  });

  it('stops after three rounds while saves keep landing, leaving the rest to the newer runs', async () => {
    const { activities, applied } = promptActivities([
      { version: 1, botIds: ['bot-a'] },
      { version: 2, botIds: ['bot-a'] },
      { version: 3, botIds: ['bot-a'] },
      { version: 4, botIds: ['bot-a'] },
      { version: 5, botIds: ['bot-a'] },
    ]);
    const result = await rollOut(activities, 1);
    expect(result).toEqual({ version: 4, applied: ['bot-a'], skipped: [], rounds: 3 });
    expect(applied).toHaveLength(3);
  });
});
