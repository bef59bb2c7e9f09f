import { redirect, type LoaderFunctionArgs } from 'react-router';

import { getMe } from '~/lib/auth.server';
import { homeFor } from '~/lib/roles';

/** "My portal": the admin portal for platform staff, the customer portal for everyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getMe(request);
  throw redirect(homeFor(user.role));
}
