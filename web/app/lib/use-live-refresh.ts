import { useRevalidator } from 'react-router';
import { useEffect, useRef } from 'react';

/**
 * Reloads the page's data every `intervalMs` while `active` and the tab is visible, one reload at a time: for pages
 * whose runs (invoice runs, onboarding) write their progress to the database, so the loader's next answer is the news.
 */
export function useLiveRefresh(active: boolean, intervalMs = 2_000): void {
  const revalidator = useRevalidator();
  const current = useRef(revalidator);
  current.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && current.current.state === 'idle') current.current.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}
