import type { ClientActionFunctionArgs } from 'react-router';

import { ensureFreshSession } from './session.client';

/**
 * A route's `clientAction`: refreshes an about-to-expire session before the form goes to the server action,
 * so the change is sent once, with a valid token.
 */
export async function freshSessionAction({ serverAction }: ClientActionFunctionArgs) {
  await ensureFreshSession();
  return serverAction();
}
