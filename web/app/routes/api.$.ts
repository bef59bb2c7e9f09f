import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { proxyToApi } from '~/lib/api-proxy.server';

// /api/* belongs to the API. Production fallback proxy; see lib/api-proxy.server.ts.
export const loader = ({ request, context }: LoaderFunctionArgs) =>
  proxyToApi(request, { clientAddress: context.clientAddress });
export const action = ({ request, context }: ActionFunctionArgs) =>
  proxyToApi(request, { clientAddress: context.clientAddress });
