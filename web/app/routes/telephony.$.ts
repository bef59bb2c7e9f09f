import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { proxyToApi } from '~/lib/api-proxy.server';

// /telephony/* belongs to the API. Production fallback proxy; see lib/api-proxy.server.ts.
export const loader = ({ request }: LoaderFunctionArgs) => proxyToApi(request);
export const action = ({ request }: ActionFunctionArgs) => proxyToApi(request);
