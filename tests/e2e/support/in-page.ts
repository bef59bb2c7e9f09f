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
 * charts with recharts. Gives the module's export names.
 */
export const importDashboardRoute = `import('/web/app/routes/app._index/route.tsx').then((module) => Object.keys(module))`;
