import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { faultGate } from '../fault-gate';
import { twilioFaultReply, twilioNotFound } from './errors';
import { renderCall } from './render';

/** Calls exist only once something records them in `state.twilio.calls` (tests now, the call generator later). */
export async function callRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, twilioFaultReply);

  app.get<{ Params: { accountSid: string; sid: string } }>(
    '/2010-04-01/Accounts/:accountSid/Calls/:sid.json',
    { preHandler: gate('twilio.fetchCall') },
    async (request, reply) => {
      const { accountSid, sid } = request.params;
      const call = sim.state.twilio.calls.get(sid);
      if (!call || call.accountSid !== accountSid) {
        return twilioNotFound(reply, `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`);
      }
      return renderCall(call);
    },
  );
}
