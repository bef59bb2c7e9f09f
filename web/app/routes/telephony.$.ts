import { proxyRouteToApi } from '~/lib/api-proxy.server';

// /telephony/* belongs to the API. Production fallback proxy; see lib/api-proxy.server.ts.
export { proxyRouteToApi as loader, proxyRouteToApi as action };
