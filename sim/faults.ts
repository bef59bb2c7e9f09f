import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export const FAULT_OPERATIONS = [
  'heroku.createAppSetup',
  'heroku.getAppSetup',
  'heroku.getApp',
  'heroku.getConfigVars',
  'heroku.getFormation',
  'heroku.deleteApp',
  'heroku.updateConfigVars',
  'heroku.scaleFormation',
  'twilio.searchNumbers',
  'twilio.listNumbers',
  'twilio.buyNumber',
  'twilio.fetchNumber',
  'twilio.updateNumber',
  'twilio.releaseNumber',
  'twilio.fetchCall',
  'stripe.createCustomer',
  'stripe.getCustomer',
  'stripe.updateCustomer',
  'stripe.deleteCustomer',
  'stripe.listCustomers',
  'stripe.getProduct',
  'stripe.listProducts',
  'stripe.createProduct',
  'stripe.getPrice',
  'stripe.listPrices',
  'stripe.createPrice',
  'stripe.createInvoiceItem',
  'stripe.getInvoiceItem',
  'stripe.listInvoiceItems',
  'stripe.deleteInvoiceItem',
  'stripe.createInvoice',
  'stripe.getInvoice',
  'stripe.updateInvoice',
  'stripe.listInvoices',
  'stripe.finalizeInvoice',
  'stripe.payInvoice',
  'stripe.voidInvoice',
  'stripe.deleteInvoice',
  'stripe.listInvoiceLines',
  'stripe.createSubscription',
  'stripe.getSubscription',
  'stripe.updateSubscription',
  'stripe.cancelSubscription',
  'stripe.listSubscriptions',
  'stripe.createCheckoutSession',
  'stripe.getCheckoutSession',
  'stripe.expireCheckoutSession',
  'stripe.createPortalSession',
  'stripe.listEvents',
  'stripe.getEvent',
  'stripe.createWebhookEndpoint',
  'stripe.listWebhookEndpoints',
  'stripe.deleteWebhookEndpoint',
  'stripe.getPaymentIntent',
  'elevenlabs.getUser',
  'elevenlabs.getSubscription',
  'elevenlabs.listAgents',
  'elevenlabs.getAgent',
  'elevenlabs.listConversations',
  'elevenlabs.getConversation',
  'elevenlabs.getConversationAudio',
  'app.health',
] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

// `lose-reply` carries the request out but never answers: the provider did the work, the caller never heard.
export const FAULT_MODES = ['fail', 'hang', 'slow', 'empty', 'setup-failed', 'lose-reply'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Modes that change what a handler answers rather than whether it answers; only these operations know them. */
export const BEHAVIOUR_MODES: Partial<Record<FaultMode, readonly FaultOperation[]>> = {
  empty: ['twilio.searchNumbers', 'twilio.listNumbers'],
  'setup-failed': ['heroku.getAppSetup'],
};

export interface FaultInput {
  operation: FaultOperation;
  mode: FaultMode;
  /** How many matching requests it affects; 0 means every one until cleared. */
  times?: number;
  status?: number;
  message?: string;
  /** Provider error code for `fail` (Twilio's numeric code, Heroku's error id, Stripe's error code). */
  code?: string | number;
  delayMs?: number;
  /** Only requests whose URL contains this text are affected. */
  match?: string;
}

export interface Fault {
  id: string;
  operation: FaultOperation;
  mode: FaultMode;
  /** null: forever. */
  remaining: number | null;
  status: number;
  message: string | null;
  code: string | number | null;
  delayMs: number;
  match: string | null;
}

export type Faults = ReturnType<typeof createFaults>;

/** The fault queue per operation, plus the replies held open by `hang` and `slow`. */
export function createFaults() {
  let queue: Fault[] = [];
  const held = new Set<() => void>();

  return {
    add(input: FaultInput): Fault {
      const times = input.times ?? 1;
      const fault: Fault = {
        id: randomUUID(),
        operation: input.operation,
        mode: input.mode,
        remaining: times === 0 ? null : times,
        status: input.status ?? 503,
        message: input.message ?? null,
        code: input.code ?? null,
        delayMs: input.delayMs ?? 1000,
        match: input.match ?? null,
      };
      queue.push(fault);
      return fault;
    },

    list: (): Fault[] => queue.map((fault) => ({ ...fault })),

    /** Consumes the oldest fault that applies to this request, if any. */
    take(operation: FaultOperation, url: string): Fault | null {
      const fault = queue.find((f) => f.operation === operation && (f.match === null || url.includes(f.match)));
      if (!fault) return null;
      if (fault.remaining !== null && --fault.remaining === 0) queue = queue.filter((f) => f !== fault);
      return { ...fault };
    },

    /**
     * Keeps a reply pending for `ms` (null: until released). Resolves `released` when the client gives up or
     * the simulator is reset or closed, so a hung request never outlives the test that caused it.
     */
    hold(reply: FastifyReply, ms: number | null): Promise<'elapsed' | 'released'> {
      return new Promise((resolve) => {
        const finish = (outcome: 'elapsed' | 'released') => {
          clearTimeout(timer);
          held.delete(release);
          reply.raw.off('close', release);
          resolve(outcome);
        };
        const release = () => finish('released');
        const timer = ms === null ? undefined : setTimeout(() => finish('elapsed'), ms);
        held.add(release);
        reply.raw.once('close', release);
        if (reply.raw.socket?.destroyed === true) release();
      });
    },

    clear(): void {
      queue = [];
      for (const release of [...held]) release();
    },
  };
}
