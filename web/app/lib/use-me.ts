import { useRouteLoaderData } from 'react-router';

import type { Me } from '@contracts/auth';

/** The signed-in user, from whichever portal layout is rendering the page. */
export function useMe(): Me {
  const admin = useRouteLoaderData('routes/admin') as { me: Me } | undefined;
  const app = useRouteLoaderData('routes/app') as { me: Me } | undefined;
  const me = admin?.me ?? app?.me;
  if (!me) throw new Error('useMe() is only for pages inside a portal layout');
  return me;
}
