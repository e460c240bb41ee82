/**
 * Browser bench for the requests table (issue 3), against the bench server's database:
 *   - navigation → first rows visible, cold (fresh browser context each time), median of 5 (≤ 1 s)
 *   - a filter change (a facet checkbox click) → the table shows the filtered rows (≤ 300 ms)
 *   - a row's selection checkbox click → it shows checked (one row re-renders, not the table)
 * Times come from inside the page: navigation start (performance time origin) or the click
 * event, to the first animation frame in which the expected rows are rendered.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { summarize } from '../percentile.ts';
import type { BenchResult, BrowserBench, BrowserBenchContext } from '../types.ts';

const COLD_LOADS = 5;
const FILTER_SAMPLES = 8;
const TOGGLE_SAMPLES = 12;

// In-page code is source text: tsx-transpiled functions reference helpers that do not exist in the page.

/** Before the app loads: records when the first table row appears, and the last click. */
const INSTRUMENT = `
  (() => {
    const state = { firstRowAt: 0, clickAt: 0 };
    window.__tableBench = state;
    window.addEventListener('click', () => { state.clickAt = performance.now(); }, true);
    const observer = new MutationObserver(() => {
      if (!state.firstRowAt && document.querySelector('tbody tr[data-row-id]')) {
        requestAnimationFrame(() => { state.firstRowAt = performance.now(); });
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

/**
 * Resolves with ms from the next click to the frame after the URL carries the filter, the top row
 * is `id` and no refetch is in flight.
 */
const waitForTopRow = (page: Page, id: number, param: string, value: string): Promise<number> =>
  page.evaluate(`
    new Promise((resolve, reject) => {
      const started = performance.now();
      const deadline = started + 20000;
      const check = () => {
        const clicked = window.__tableBench.clickAt > started;
        const inUrl = new URLSearchParams(location.search).getAll(${JSON.stringify(param)}).includes(${JSON.stringify(value)});
        const rows = [...document.querySelectorAll('tbody tr[data-row-id]')];
        const top = rows.find((row) => row.getAttribute('aria-rowindex') === '2');
        const topOk = top && top.getAttribute('data-row-id') === '${id}';
        if (clicked && inUrl && topOk && !document.querySelector('.progress-bar')) {
          requestAnimationFrame(() => resolve(performance.now() - window.__tableBench.clickAt));
        } else if (performance.now() > deadline) reject(new Error('rows for the filter never showed'));
        else requestAnimationFrame(check);
      };
      check();
    })
  `);

interface Facet {
  value: string;
  count: number;
}

async function api<T>(ctx: BrowserBenchContext, path: string): Promise<T> {
  const response = await fetch(`${ctx.baseUrl}${path}`, { headers: { 'x-api-key': ctx.apiKey } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function coldLoad(browser: Browser, ctx: BrowserBenchContext): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(`localStorage.setItem('promptlog.apiKey', ${JSON.stringify(ctx.apiKey)});`);
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    // A polling promise rather than waitForFunction: the page's CSP forbids string evaluation in it.
    return (await page.evaluate(`
      new Promise((resolve, reject) => {
        const deadline = performance.now() + 30000;
        const check = () => {
          const at = window.__tableBench.firstRowAt;
          if (at > 0) resolve(at);
          else if (performance.now() > deadline) reject(new Error('no rows within 30 s'));
          else setTimeout(check, 20);
        };
        check();
      })
    `)) as number;
  } finally {
    await context.close();
  }
}

/** Facet values to filter by, each with the id the filtered list starts with. */
async function filterTargets(
  ctx: BrowserBenchContext,
): Promise<{ label: string; param: string; value: string; topId: number }[]> {
  const facets = await api<{ models: Facet[]; providers: Facet[]; statuses: Facet[] }>(ctx, '/api/facets');
  const candidates = [
    ...facets.models.slice(0, 4).map((f) => ({ label: 'Model', param: 'model', value: f.value })),
    ...facets.providers.slice(0, 2).map((f) => ({ label: 'Provider', param: 'provider', value: f.value })),
    ...facets.statuses
      .filter((f) => f.value !== 'SUCCESS')
      .map((f) => ({ label: 'Status', param: 'status', value: f.value })),
  ];
  const targets = [];
  for (const candidate of candidates) {
    const params = new URLSearchParams({ [candidate.param]: candidate.value, limit: '1' });
    const { rows } = await api<{ rows: { id: number }[] }>(ctx, `/api/requests?${params}`);
    if (rows[0]) targets.push({ ...candidate, topId: rows[0].id });
  }
  return targets;
}

async function filterChanges(browser: Browser, ctx: BrowserBenchContext): Promise<number[]> {
  const targets = await filterTargets(ctx);
  if (targets.length === 0) throw new Error('no facet values to filter by (empty database?)');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const samples: number[] = [];
  try {
    await context.addInitScript(`localStorage.setItem('promptlog.apiKey', ${JSON.stringify(ctx.apiKey)});`);
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    for (let i = 0; i < FILTER_SAMPLES; i++) {
      const target = targets[i % targets.length];
      if (!target) break;
      await page.goto(`${ctx.baseUrl}/`);
      await page.locator('tbody tr[data-row-id]').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: new RegExp(`^${target.label}`) }).click();
      // Statuses show as words ("Warning"); model and provider names as they are.
      const escaped = target.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const checkbox = page.getByRole('checkbox', { name: new RegExp(`^${escaped}$`, 'i') });
      await checkbox.waitFor();
      const measured = waitForTopRow(page, target.topId, target.param, target.value);
      await checkbox.click();
      samples.push(await measured);
    }
  } finally {
    await context.close();
  }
  return samples;
}

/** Resolves with ms from the next click to the frame in which row `id`'s checkbox shows `checked`. */
const waitForChecked = (page: Page, id: string, checked: boolean): Promise<number> =>
  page.evaluate(`
    new Promise((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        const box = document.querySelector('tbody tr[data-row-id="${id}"] input[type=checkbox]');
        if (window.__tableBench.clickAt > started && box && box.checked === ${checked}) {
          requestAnimationFrame(() => resolve(performance.now() - window.__tableBench.clickAt));
        } else if (performance.now() > started + 10000) reject(new Error('the checkbox never changed'));
        else requestAnimationFrame(check);
      };
      check();
    })
  `);

/** Selecting and unselecting rows by their checkbox, after scrolling a few pages in. */
async function selectionToggles(browser: Browser, ctx: BrowserBenchContext): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const samples: number[] = [];
  try {
    await context.addInitScript(`localStorage.setItem('promptlog.apiKey', ${JSON.stringify(ctx.apiKey)});`);
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/`);
    const rows = page.locator('tbody tr[data-row-id]');
    await rows.first().waitFor({ timeout: 30_000 });
    // Load a few pages (more rows in the model) and come back to the top.
    for (let i = 0; i < 4; i++)
      await page.locator('.data-table-scroll').evaluate((el) => el.scrollBy(0, 5000));
    await page.locator('.data-table-scroll').evaluate((el) => el.scrollTo(0, 0));
    await rows.first().waitFor();
    for (let i = 0; i < TOGGLE_SAMPLES; i++) {
      const row = rows.nth(i % 6);
      const id = (await row.getAttribute('data-row-id')) ?? '';
      const checked = !(await row.locator('input[type=checkbox]').isChecked());
      const measured = waitForChecked(page, id, checked);
      await row.locator('input[type=checkbox]').click();
      samples.push(await measured);
    }
  } finally {
    await context.close();
  }
  return samples;
}

const tableBench: BrowserBench = async (ctx) => {
  const browser = await chromium.launch(ctx.chromiumPath ? { executablePath: ctx.chromiumPath } : {});
  try {
    const loads: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) loads.push(await coldLoad(browser, ctx));
    const filters = await filterChanges(browser, ctx);
    const toggles = await selectionToggles(browser, ctx);
    const results: BenchResult[] = [
      {
        section: 'browser',
        name: 'table: navigation → first rows (cold)',
        ...summarize(loads),
        budget: 'median ≤ 1000 ms',
      },
      {
        section: 'browser',
        name: 'table: filter change → updated rows',
        ...summarize(filters),
        budget: 'median ≤ 300 ms',
      },
      {
        section: 'browser',
        name: 'table: row checkbox → shown selected',
        ...summarize(toggles),
        budget: 'median ≤ 50 ms',
      },
    ];
    return results;
  } finally {
    await browser.close();
  }
};

export default tableBench;
