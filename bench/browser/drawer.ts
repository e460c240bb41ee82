/**
 * Browser bench for the request drawer (issue 4), against the bench server's database:
 *   - click on a row → drawer content visible, detail prefetched by hovering first (≤ 150 ms)
 *   - the same, cold: the detail is fetched after the click (≤ 400 ms)
 *   - `j` → the next request's content visible (≤ 150 ms)
 *   - opening a 5 MB message and a 2,000-message conversation: longest main-thread task (≤ 200 ms)
 * Times are taken inside the page: from the click/keydown event to the first animation frame
 * after the drawer shows that request's summary.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { hugeTextBody, longConversationBody } from '../../e2e/drawer-support.ts';
import { summarize } from '../percentile.ts';
import type { BenchResult, BrowserBench, BrowserBenchContext } from '../types.ts';

const CLICK_SAMPLES = 12;
const J_SAMPLES = 20;
const LARGE_SAMPLES = 3;
const LARGE_TAG = 'bench-drawer-large';

// In-page code is kept as source text: tsx's transpiled functions reference helpers (__name)
// that do not exist in the page.

/** Installed before the app: remembers when the last click or keydown happened, and long tasks. */
const INSTRUMENT = `
  (() => {
    const state = { start: 0, longTasks: [] };
    window.__drawerBench = state;
    const mark = () => { state.start = performance.now(); };
    window.addEventListener('click', mark, true);
    window.addEventListener('keydown', mark, true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  })();
`;

/** Resolves (in the page) with ms from the last input to the frame after request `id`'s own summary shows. */
const waitForContent = (page: Page, id: number): Promise<number> =>
  page.evaluate(`
    new Promise((resolve) => {
      const check = () => {
        const dialog = document.querySelector('[role="dialog"]');
        if (dialog?.querySelector('.drawer-view[data-request-id="${id}"] #drawer-summary-title')) {
          requestAnimationFrame(() => resolve(performance.now() - window.__drawerBench.start));
        } else requestAnimationFrame(check);
      };
      check();
    })
  `);

async function rowIds(page: Page): Promise<number[]> {
  await page.locator('[role="row"][data-row-id]').first().waitFor();
  return page.$$eval('[role="row"][data-row-id]', (rows) =>
    rows.map((row) => Number(row.getAttribute('data-row-id'))),
  );
}

async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
}

async function clickRow(page: Page, id: number): Promise<number> {
  // The time cell: no controls of its own (the ID cell holds the copy button).
  const cell = page.locator(`[role="row"][data-row-id="${id}"] > :first-child`);
  const [ms] = await Promise.all([waitForContent(page, id), cell.click()]);
  return ms;
}

async function openedPage(browser: Browser, ctx: BrowserBenchContext): Promise<Page> {
  // Tall, so that enough rows are rendered (the table is virtualized) for every sample.
  const page = await browser.newPage({ viewport: { width: 1440, height: 2000 } });
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${ctx.baseUrl}/#key=${ctx.apiKey}`);
  await page.locator('[role="row"][data-row-id]').first().waitFor({ timeout: 30_000 });
  return page;
}

async function clickBenches(browser: Browser, ctx: BrowserBenchContext): Promise<BenchResult[]> {
  const page = await openedPage(browser, ctx);
  const ids = await rowIds(page);
  const cold: number[] = [];
  const warm: number[] = [];
  // Rows four apart, so the drawer's own neighbour prefetch (±1) never warms the next cold one.
  for (let i = 0; i < CLICK_SAMPLES && i * 4 < ids.length; i++) {
    const id = ids[i * 4] as number;
    await page.locator(`[role="row"][data-row-id="${id}"]`).scrollIntoViewIfNeeded();
    cold.push(await clickRow(page, id));
    await closeDrawer(page);
  }
  for (let i = 0; i < CLICK_SAMPLES && i * 4 + 2 < ids.length; i++) {
    const id = ids[i * 4 + 2] as number;
    const row = page.locator(`[role="row"][data-row-id="${id}"]`);
    await row.scrollIntoViewIfNeeded();
    const fetched = page.waitForResponse((r) => r.url().endsWith(`/api/requests/${id}`));
    await row.hover();
    await fetched;
    warm.push(await clickRow(page, id));
    await closeDrawer(page);
  }
  await page.close();
  return [
    {
      section: 'browser',
      name: 'drawer: row click → content (prefetched)',
      ...summarize(warm),
      budget: 'median ≤ 150 ms',
    },
    {
      section: 'browser',
      name: 'drawer: row click → content (cold)',
      ...summarize(cold),
      budget: 'median ≤ 400 ms',
    },
  ];
}

async function jBench(browser: Browser, ctx: BrowserBenchContext): Promise<BenchResult> {
  const page = await openedPage(browser, ctx);
  const ids = await rowIds(page);
  const first = ids[0] as number;
  await clickRow(page, first);
  const samples: number[] = [];
  for (let i = 1; i <= J_SAMPLES && i < ids.length; i++) {
    // Let the neighbour prefetch of the request just opened land, as it would while reading.
    await page.waitForLoadState('networkidle');
    const [ms] = await Promise.all([waitForContent(page, ids[i] as number), page.keyboard.press('j')]);
    samples.push(ms);
  }
  await page.close();
  return {
    section: 'browser',
    name: 'drawer: j → next content',
    ...summarize(samples),
    budget: 'median ≤ 150 ms',
  };
}

async function logLarge(ctx: BrowserBenchContext, body: unknown): Promise<number> {
  const response = await fetch(`${ctx.baseUrl}/log-request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ctx.apiKey },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`/log-request answered ${response.status}`);
  return ((await response.json()) as { id: number }).id;
}

async function deleteLarge(ctx: BrowserBenchContext): Promise<void> {
  const response = await fetch(`${ctx.baseUrl}/api/requests?tag=${LARGE_TAG}`, {
    method: 'DELETE',
    headers: { 'x-api-key': ctx.apiKey },
  });
  if (!response.ok) throw new Error(`deleting the ${LARGE_TAG} requests answered ${response.status}`);
}

async function largeBench(browser: Browser, ctx: BrowserBenchContext): Promise<BenchResult[]> {
  const kinds = [
    { name: '5 MB message', body: { ...hugeTextBody(), tags: [LARGE_TAG] } },
    { name: '2,000 messages', body: { ...longConversationBody(2000), tags: [LARGE_TAG] } },
  ];
  const results: BenchResult[] = [];
  // Leftovers of an interrupted run would otherwise stay in the reused bench database.
  await deleteLarge(ctx);
  try {
    for (const kind of kinds) {
      const id = await logLarge(ctx, kind.body);
      const longest: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < LARGE_SAMPLES; i++) {
        const page = await openedPage(browser, ctx);
        // The newest request is the first row.
        await page.locator(`[role="row"][data-row-id="${id}"]`).waitFor();
        await page.waitForTimeout(300);
        await page.evaluate('window.__drawerBench.longTasks = []');
        open.push(await clickRow(page, id));
        await page.waitForTimeout(500);
        longest.push(await page.evaluate<number>('Math.max(0, ...window.__drawerBench.longTasks)'));
        await page.close();
      }
      results.push({
        section: 'browser',
        name: `drawer: open ${kind.name}, longest main-thread task`,
        ...summarize(longest),
        budget: 'p95 ≤ 200 ms',
        note: `click → content median ${summarize(open).p50.toFixed(0)} ms (cold)`,
      });
    }
  } finally {
    await deleteLarge(ctx);
  }
  return results;
}

const drawerBench: BrowserBench = async (ctx) => {
  const browser = await chromium.launch(ctx.chromiumPath ? { executablePath: ctx.chromiumPath } : {});
  try {
    return [
      ...(await clickBenches(browser, ctx)),
      await jBench(browser, ctx),
      ...(await largeBench(browser, ctx)),
    ];
  } finally {
    await browser.close();
  }
};

export default drawerBench;
