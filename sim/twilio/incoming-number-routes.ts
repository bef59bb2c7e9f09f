import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { behaviourFault, faultGate } from '../fault-gate';
import { twilioError, twilioFaultReply, twilioNotFound } from './errors';
import { formatNumber, takeAvailableNumbers } from './number-pool';
import { numberPath, pageOf, renderNumber } from './render';
import { twilioSid, type TwilioNumber } from './state';

type Form = Record<string, string | undefined>;
type AccountParams = { accountSid: string };
type NumberParams = AccountParams & { sid: string };
const E164 = /^\+[1-9]\d{6,14}$/;

/** The account's own numbers: buy, list, fetch, point the webhooks somewhere, release. */
export async function incomingNumberRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  const gate = faultGate(sim, twilioFaultReply);
  const twilio = () => sim.state.twilio;
  const owned = (accountSid: string, sid: string) => {
    const number = twilio().numbers.get(sid);
    return number?.accountSid === accountSid ? number : null;
  };

  app.get<{ Params: AccountParams; Querystring: Form }>(
    '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers.json',
    { preHandler: gate('twilio.listNumbers') },
    async (request) => {
      const { accountSid } = request.params;
      const { PhoneNumber, FriendlyName } = request.query;
      const digits = PhoneNumber?.replace(/[^\d+]/g, '');
      const matches =
        behaviourFault(request)?.mode === 'empty'
          ? []
          : [...twilio().numbers.values()].filter(
              (n) =>
                n.accountSid === accountSid &&
                (!digits || n.phoneNumber.includes(digits)) &&
                (FriendlyName === undefined || n.friendlyName === FriendlyName),
            );
      const query = Object.fromEntries(
        Object.entries({ PhoneNumber, FriendlyName }).filter((entry): entry is [string, string] => !!entry[1]),
      );
      return pageOf({
        key: 'incoming_phone_numbers',
        path: numberPath(accountSid),
        items: matches.map(renderNumber),
        query,
        page: Math.max(Number(request.query.Page) || 0, 0),
        size: Math.min(Math.max(Number(request.query.PageSize) || 50, 1), 1000),
      });
    },
  );

  app.post<{ Params: AccountParams; Body: Form | undefined }>(
    '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers.json',
    { preHandler: gate('twilio.buyNumber') },
    async (request, reply) => {
      const form = request.body ?? {};
      let phoneNumber = form.PhoneNumber;
      if (!phoneNumber && form.AreaCode) {
        phoneNumber = takeAvailableNumbers(twilio(), 'US', 1, form.AreaCode)[0]?.phoneNumber;
        if (!phoneNumber) return twilioError(reply, 400, 21452, 'No phone numbers found in area code');
      }
      if (!phoneNumber) return twilioError(reply, 400, 21421, 'A PhoneNumber or AreaCode is required.');
      if (!E164.test(phoneNumber)) return twilioError(reply, 400, 21421, 'PhoneNumber is invalid.');
      if ([...twilio().numbers.values()].some((n) => n.phoneNumber === phoneNumber)) {
        return twilioError(reply, 400, 21422, 'PhoneNumber requested is not available.');
      }
      const now = new Date();
      const number: TwilioNumber = {
        sid: twilioSid('PN'),
        accountSid: request.params.accountSid,
        phoneNumber,
        friendlyName: form.FriendlyName || formatNumber(phoneNumber),
        voiceUrl: form.VoiceUrl || null,
        voiceMethod: form.VoiceMethod?.toUpperCase() || 'POST',
        statusCallback: form.StatusCallback || null,
        statusCallbackMethod: form.StatusCallbackMethod?.toUpperCase() || 'POST',
        dateCreated: now,
        dateUpdated: now,
      };
      twilio().numbers.set(number.sid, number);
      return reply.code(201).send(renderNumber(number));
    },
  );

  app.get<{ Params: NumberParams }>(
    '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json',
    { preHandler: gate('twilio.fetchNumber') },
    async (request, reply) => {
      const { accountSid, sid } = request.params;
      const number = owned(accountSid, sid);
      return number ? renderNumber(number) : twilioNotFound(reply, numberPath(accountSid, sid));
    },
  );

  app.post<{ Params: NumberParams; Body: Form | undefined }>(
    '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json',
    { preHandler: gate('twilio.updateNumber') },
    async (request, reply) => {
      const { accountSid, sid } = request.params;
      const number = owned(accountSid, sid);
      if (!number) return twilioNotFound(reply, numberPath(accountSid, sid));
      const form = request.body ?? {};
      // Only the fields sent change; an empty value clears a URL, as in Twilio.
      if (form.FriendlyName !== undefined) number.friendlyName = form.FriendlyName || formatNumber(number.phoneNumber);
      if (form.VoiceUrl !== undefined) number.voiceUrl = form.VoiceUrl || null;
      if (form.VoiceMethod) number.voiceMethod = form.VoiceMethod.toUpperCase();
      if (form.StatusCallback !== undefined) number.statusCallback = form.StatusCallback || null;
      if (form.StatusCallbackMethod) number.statusCallbackMethod = form.StatusCallbackMethod.toUpperCase();
      number.dateUpdated = new Date();
      return renderNumber(number);
    },
  );

  app.delete<{ Params: NumberParams }>(
    '/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json',
    { preHandler: gate('twilio.releaseNumber') },
    async (request, reply) => {
      const { accountSid, sid } = request.params;
      if (!owned(accountSid, sid)) return twilioNotFound(reply, numberPath(accountSid, sid));
      twilio().numbers.delete(sid);
      return reply.code(204).send();
    },
  );
}
