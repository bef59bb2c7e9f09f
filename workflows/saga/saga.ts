import { CancellationScope } from '@temporalio/workflow';

/**
 * Undo actions recorded after (or just before) each side effect; `compensate` runs them newest first in a
 * non-cancellable scope, so an admin's cancel cannot interrupt the clean-up it triggered.
 */
export class Saga {
  private readonly undo: { step: string; action: () => Promise<void> }[] = [];

  add(step: string, action: () => Promise<void>): void {
    this.undo.push({ step, action });
  }

  async compensate(onCompensated: (step: string) => Promise<void>): Promise<string[]> {
    const problems: string[] = [];
    await CancellationScope.nonCancellable(async () => {
      for (const { step, action } of [...this.undo].reverse()) {
        try {
          await action();
          await onCompensated(step);
        } catch (error) {
          problems.push(`${step}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
    return problems;
  }
}
