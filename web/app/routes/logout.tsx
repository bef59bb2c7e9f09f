import { redirect } from 'react-router';

import { logout } from '~/lib/session.client';

/**
 * Sign-out (the shell's button posts here). It runs in the browser: the refresh cookie, which the API revokes,
 * only travels to /api/auth.
 */
export async function clientAction() {
  await logout();
  return redirect('/login?signedOut=1');
}

export async function clientLoader() {
  return redirect('/login');
}

export default function Logout() {
  return null;
}
