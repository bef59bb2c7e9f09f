import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { behaviourFault, faultGate } from '../fault-gate';
import { twilioFaultReply, twilioNotFound } from './errors';
import { isSupportedCountry, takeAvailableNumbers } from './number-pool';
import { pageOf } from './render';

type SearchRoute = {
  Params: { accountSid: string; country: string };
  Querystring: { AreaCode?: string; PageSize?: string };
};

/** `GET .../AvailablePhoneNumbers/:country/Local.json`: one page of numbers nobody owns (Twilio does not page these). */
export async function availableNumberRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, twilioFaultReply);

  app.get<SearchRoute>(
    '/2010-04-01/Accounts/:accountSid/AvailablePhoneNumbers/:country/Local.json',
    { preHandler: gate('twilio.searchNumbers') },
    async (request, reply) => {
      const { accountSid, country } = request.params;
      const path = `/2010-04-01/Accounts/${accountSid}/AvailablePhoneNumbers/${country}/Local.json`;
      if (!isSupportedCountry(country)) return twilioNotFound(reply, path);
      const size = Math.min(Math.max(Number(request.query.PageSize) || 50, 1), 100);
      const areaCode = request.query.AreaCode || undefined;
      const numbers =
        behaviourFault(request)?.mode === 'empty'
          ? []
          : takeAvailableNumbers(sim.state.twilio, country, size, areaCode);
      const rendered = numbers.map((n) => ({
        friendly_name: n.friendlyName,
        phone_number: n.phoneNumber,
        iso_country: n.isoCountry,
        locality: n.locality,
        region: n.region,
        rate_center: n.locality.toUpperCase(),
        postal_code: null,
        lata: null,
        latitude: null,
        longitude: null,
        address_requirements: 'none',
        beta: false,
        capabilities: { voice: true, SMS: true, MMS: false },
      }));
      const query: Record<string, string> = areaCode ? { AreaCode: areaCode } : {};
      return pageOf({ key: 'available_phone_numbers', path, items: rendered, query, page: 0, size });
    },
  );
}
