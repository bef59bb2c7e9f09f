import type { Fault, FaultInput } from './faults';
import type { CallPlan, Delivery } from './twilio/call-generator';

export type PlaceCall = Partial<CallPlan> & { to: string };
export interface PlacedCall {
  callSid: string;
  deliveries: Delivery[];
}

/** A JSON request to the simulator's control routes (`/_sim…`); a non-2xx answer throws with its body. */
export function simRequest(baseUrl: string) {
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/_sim${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
}

/** A client for the `/_sim` control routes, for tests and scripts that drive a running simulator over HTTP. */
export function simControl(baseUrl: string) {
  const send = simRequest(baseUrl);
  return {
    // Typed loosely on purpose: tests assert on the rendered provider shapes.
    state: () => send('GET', '/state') as Promise<SimStateView>,
    reset: () => send('POST', '/reset') as Promise<void>,
    fault: (input: FaultInput) => send('POST', '/faults', input) as Promise<Fault>,
    faults: () => send('GET', '/faults') as Promise<Fault[]>,
    clearFaults: () => send('DELETE', '/faults') as Promise<void>,
    placeCall: (call: PlaceCall) => send('POST', '/calls', call) as Promise<PlacedCall>,
    hangUp: (callSid: string) => send('POST', `/calls/${callSid}/hangup`, {}) as Promise<{ deliveries: Delivery[] }>,
  };
}

/** What `GET /_sim/state` answers. */
export interface SimStateView {
  heroku: {
    apps: Array<{
      name: string;
      web_url: string;
      config_vars: Record<string, string>;
      formation: Array<{ type: string; quantity: number; size: string }>;
    }>;
    appSetups: Array<{ id: string; status: string; app: { name: string }; failure_message: string | null }>;
  };
  twilio: {
    numbers: Array<{ sid: string; phone_number: string; friendly_name: string; voice_url: string | null }>;
    calls: Array<{ sid: string; status: string }>;
  };
  requestCounts: Record<string, number>;
  faults: Fault[];
}
