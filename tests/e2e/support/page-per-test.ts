import { collectPageErrors, newContext, type Browser, type BrowserContext, type Page } from './browser';

/**
 * The hooks every browser suite shares: each test gets a fresh context and page on the suite's browser and web
 * server (handed to `use`), and fails if the page reported an error. `beforeClose` runs first after each test
 * (e.g. clearing the simulator's faults, so a failing test leaves none behind).
 */
export function pagePerTest(
  target: () => { browser: Browser; web: { url: string } },
  use: (opened: { context: BrowserContext; page: Page }) => void,
  { beforeClose }: { beforeClose?: () => Promise<unknown> } = {},
): void {
  let context: BrowserContext;
  let pageErrors: string[];
  beforeEach(async () => {
    const { browser, web } = target();
    context = await newContext(browser, web.url);
    const page = await context.newPage();
    pageErrors = collectPageErrors(page);
    use({ context, page });
  });
  afterEach(async () => {
    await beforeClose?.();
    await context.close();
    expect(pageErrors).toEqual([]);
  });
}
