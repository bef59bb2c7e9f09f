import type { CallStatus } from '../../contracts/call-status';

const TERMINAL: readonly CallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];
export const isTerminalCallStatus = (status: string): status is CallStatus =>
  (TERMINAL as readonly string[]).includes(status);

/** Identity and routing of a call, fixed when its workflow starts. */
export interface CallStart {
  callSid: string;
  tenantId: string;
  botId: string;
  from: string;
  to: string;
  startedAt: string;
}

export interface CallStatusEvent {
  status: string;
  durationSeconds: number | null;
  at: string;
}

export const callWorkflowId = (callSid: string): string => `call-${callSid}`;
