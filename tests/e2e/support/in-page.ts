/**
 * Scripts evaluated inside the page. They are source text because the test project is typed for Node (no DOM
 * library); `page.evaluate<T>(script)` gives each its result type.
 */

/** Marks the current document; a full page load would lose the mark. */
export const markDocument = 'window.__e2eSameDocument = true';
export const isSameDocument = 'window.__e2eSameDocument === true';

export const pageScrollWidth = 'document.documentElement.scrollWidth';

/** Elements reaching past the viewport's right edge that are not inside a horizontally scrolling container. */
export const overflowingElements = `(() => {
  const scrolls = (el) => el !== null && (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
  return [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(el.parentElement))
    .map((el) => (el.tagName + ' ' + (el.getAttribute('class') || '')).slice(0, 120));
})()`;

/**
 * What a client-side navigation to the customer dashboard does first: import its route module, which draws its
 * charts with recharts. Gives the module's export names. The dev server's Vite root is web/ (React Router's CLI
 * takes the config file's folder), so app modules are served from /app/.
 */
export const importDashboardRoute = `import('/app/routes/app._index/route.tsx').then((module) => Object.keys(module))`;

/** The call page's player has read the recording's header: its duration in seconds (0 until then). */
export const callAudioDuration = `(() => {
  const audio = document.querySelector('[data-testid="call-audio"]');
  return audio && Number.isFinite(audio.duration) ? audio.duration : 0;
})()`;

/** What the API answers the player's source for its first 100 bytes: status, Content-Range, Content-Length. */
export const callAudioFirstBytes = `(async () => {
  const audio = document.querySelector('[data-testid="call-audio"]');
  const response = await fetch(audio.currentSrc || audio.src, { headers: { Range: 'bytes=0-99' } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    contentRange: response.headers.get('content-range'),
    contentLength: response.headers.get('content-length'),
    bytes: bytes.length,
    id3: String.fromCharCode(bytes[0], bytes[1], bytes[2]),
  };
})()`;
