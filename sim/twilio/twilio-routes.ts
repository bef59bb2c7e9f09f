import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context';
import { availableNumberRoutes } from './available-number-routes';
import { callRoutes } from './call-routes';
import { twilioError } from './errors';
import { incomingNumberRoutes } from './incoming-number-routes';

/**
 * The Twilio REST subset, mounted under `/twilio` in place of https://api.twilio.com. Any token passes, but
 * requests must authenticate as the account in their path, as with the real API.
 */
export async function twilioRoutes(app: FastifyInstance, { sim }: { sim: SimContext }) {
  app.addHook('onRequest', async (request, reply) => {
    const [scheme, encoded = ''] = (request.headers.authorization ?? '').split(' ');
    const [user = '', token = ''] = Buffer.from(encoded, 'base64').toString().split(':');
    const pathAccount = (request.params as { accountSid?: string }).accountSid;
    if (scheme !== 'Basic' || !user.startsWith('AC') || !token || (pathAccount && pathAccount !== user)) {
      return twilioError(reply, 401, 20003, 'Authenticate');
    }
  });
  await app.register(availableNumberRoutes, { sim });
  await app.register(incomingNumberRoutes, { sim });
  await app.register(callRoutes, { sim });
}
