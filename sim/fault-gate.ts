import type { FastifyReply, FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Fault, FaultOperation, Faults } from './faults';
import type { SimState } from './state';

/** Answers a `fail` fault in the provider's own error shape. */
export type FaultReply = (reply: FastifyReply, fault: Fault) => FastifyReply;

const behaviourFaults = new WeakMap<FastifyRequest, Fault>();
const lostReplies = new WeakSet<FastifyRequest>();

/**
 * onSend hook for `lose-reply`: the handler already did its work; the answer is held until the caller gives
 * up (or the simulator is reset), then the connection drops without a byte sent.
 */
export function loseReplies(faults: Faults): onSendAsyncHookHandler {
  return async function loseReply(request, reply, payload) {
    if (!lostReplies.has(request)) return payload;
    await faults.hold(reply, null);
    reply.raw.destroy();
    return payload;
  };
}

/**
 * Builds per-route preHandlers that count the request and apply the next fault queued for its operation:
 * `fail` answers an error, `hang` and `slow` hold the reply, behaviour modes are left for the handler.
 */
export function faultGate(sim: { state: SimState; faults: Faults }, failReply: FaultReply) {
  return (operation: FaultOperation): preHandlerAsyncHookHandler =>
    async function gate(request, reply) {
      const counts = sim.state.requestCounts;
      counts[operation] = (counts[operation] ?? 0) + 1;
      const fault = sim.faults.take(operation, request.url);
      if (!fault) return;
      if (fault.mode === 'fail') return failReply(reply, fault);
      if (fault.mode === 'hang' || fault.mode === 'slow') {
        const outcome = await sim.faults.hold(reply, fault.mode === 'hang' ? null : fault.delayMs);
        if (outcome === 'released') {
          // Nothing is answered: the connection just drops, as a provider that never replied would.
          reply.hijack();
          reply.raw.destroy();
          return reply;
        }
        return;
      }
      if (fault.mode === 'lose-reply') lostReplies.add(request);
      else behaviourFaults.set(request, fault);
    };
}

/** The `empty` / `setup-failed` fault the gate left for this request, if any. */
export function behaviourFault(request: FastifyRequest): Fault | null {
  return behaviourFaults.get(request) ?? null;
}
