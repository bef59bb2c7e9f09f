import { useNavigate } from 'react-router';
import { useEffect } from 'react';

import { loginPath } from './safe-redirect';
import { noteSessionExpiry, refreshSession, sessionExpiry } from './session.client';

const AHEAD_MS = 90_000;

/**
 * Refreshes the session shortly before the access token expires, and at once when the tab becomes visible
 * after sleeping past that moment, so loaders and form submissions rarely meet a 401 at all.
 */
export function useSessionKeepAlive(expiresAt: string | null) {
  const navigate = useNavigate();
  useEffect(() => {
    noteSessionExpiry(expiresAt);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      const expiry = sessionExpiry();
      if (expiry === null || stopped) return;
      const delay = Math.max(0, expiry - Date.now() - AHEAD_MS);
      timer = setTimeout(() => void renew(), Math.min(delay, 2 ** 31 - 1));
    };
    const renew = async () => {
      if (stopped) return;
      if (await refreshSession()) return schedule();
      navigate(loginPath(window.location.pathname + window.location.search), { replace: true });
    };
    const onVisible = () => {
      const expiry = sessionExpiry();
      if (document.visibilityState === 'visible' && expiry !== null && expiry - Date.now() < AHEAD_MS) void renew();
    };

    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [expiresAt, navigate]);
}
