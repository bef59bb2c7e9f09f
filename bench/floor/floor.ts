import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { MeteringActivities } from '../../activities/metering';
import type { CallStart, CallStatusEvent } from '../../domain/telephony/call-status';
import { billableMinutes } from '../../domain/usage/billable-minutes';
import { createCallClient } from '../../temporal/call-client';
import type { LoadTarget } from '../support/load';
import { startFloorWorker } from './floor-worker';

const FLOOR_WORKFLOWS_PATH = path.resolve(__dirname, 'workflows.ts');

/**
 * The raw floor: the platform's call shape on the same Temporal server with nothing else in the way. The same
 * call client (`signalWithStart` per status event, same workflow id scheme, reuse policy and search attributes)
 * drives the same `callLifecycle` workflow, run by its own worker on its own task queue with no-op metering
 * activities that only count. No HTTP, no database.
 */
export async function startFloor(options: {
  client: Client;
  temporalAddress: string;
  counterGraceMs: number;
}): Promise<{ target: LoadTarget; recorded(): { calls: number; minutes: number }; stop(): Promise<void> }> {
  const counts = { started: 0, metered: 0, minutes: 0 };
  // No-op stand-ins for the metering activities: same names and signatures, no I/O.
  const activities: MeteringActivities = {
    async recordCallStarted() {
      counts.started += 1;
    },
    async fetchCallStatus() {
      return null;
    },
    async recordCallOutcome(input) {
      const minutes = input.status === 'completed' ? billableMinutes(input.durationSeconds ?? 0) : 0;
      counts.metered += 1;
      counts.minutes += minutes;
      return { status: input.status, minutes };
    },
    async flagCallMeteringFailed() {},
  };
  const worker = await startFloorWorker({
    temporalAddress: options.temporalAddress,
    queuePrefix: 'bench-floor',
    workflowsPath: FLOOR_WORKFLOWS_PATH,
    activities,
  });
  const calls = createCallClient(options.client, worker.target, { counterGraceMs: options.counterGraceMs });
  const runId = randomUUID().slice(0, 8);

  return {
    target: {
      // The simulator's sequence for a completed call: voice webhook (ringing), then status ringing, in-progress,
      // completed with the duration, each one after the previous one was acknowledged.
      async place(n, durationSeconds) {
        const call: CallStart = {
          callSid: `CAfloor${runId}${String(n).padStart(8, '0')}`,
          tenantId: 'bench-floor',
          botId: `bench-floor-bot-${n % 4}`,
          from: '+4369912345678',
          to: '+4312345678',
          startedAt: new Date().toISOString(),
        };
        const sequence: [string, number | null][] = [
          ['ringing', null],
          ['ringing', null],
          ['in-progress', null],
          ['completed', durationSeconds],
        ];
        const acks: number[] = [];
        let failed = 0;
        for (const [status, duration] of sequence) {
          const event: CallStatusEvent = { status, durationSeconds: duration, at: new Date().toISOString() };
          const started = performance.now();
          try {
            await calls.signalStatus(call, [event]);
          } catch {
            failed += 1;
          }
          acks.push(performance.now() - started);
        }
        return { acks, failed };
      },
      metered: async () => counts.metered,
    },
    recorded: () => ({ calls: counts.started, minutes: counts.minutes }),
    stop: worker.stop,
  };
}
