/**
 * Browser bench for the drawer's trace (issue 10): a 5,000-span trace (half of them LLM spans that
 * became requests) stays responsive.
 *   - open one of its requests from the loaded table: longest main-thread task until the waterfall
 *     shows (≤ 200 ms)
 *   - click another LLM span in the waterfall (the drawer switches request): longest task (≤ 200 ms)
 * The trace's requests are deleted again at the end (its spans stay, as after any request delete).
 */
import { chromium, type Page } from '@playwright/test';
import { otlpBatchBody } from '../otlp-bench.ts';
import { summarize } from '../percentile.ts';
import type { BrowserBench, BrowserBenchContext } from '../types.ts';

const TRACE_SPANS = 5_000;
const SAMPLES = 3;

/** Installed before the app: every long task's duration, resettable from the bench. */
const INSTRUMENT = `
  (() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  })();
`;

const longestTask = (page: Page) => page.evaluate<number>('Math.max(0, ...window.__longTasks)');

async function api(ctx: BrowserBenchContext, method: string, path: string, body?: string): Promise<Response> {
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': ctx.apiKey },
    ...(body === undefined ? {} : { body }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return response;
}

/** Sends one 5,000-span trace; answers its id and two of its requests. */
async function storeTrace(
  ctx: BrowserBenchContext,
): Promise<{ traceId: string; first: number; other: number }> {
  const body = otlpBatchBody(TRACE_SPANS);
  const traceId = (
    JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] }
  ).resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId as string;
  await api(ctx, 'POST', '/v1/traces', body);
  const trace = (await (await api(ctx, 'GET', `/api/traces/${traceId}`)).json()) as {
    spans: { requestId: number | null }[];
  };
  const requests = trace.spans.flatMap((span) => (span.requestId === null ? [] : [span.requestId]));
  if (requests.length < 2) throw new Error(`the ${TRACE_SPANS}-span trace holds ${requests.length} requests`);
  // The other one a few rows down: in the waterfall's first screen (its rows are virtualized).
  return { traceId, first: requests[0] as number, other: requests[3] as number };
}

/**
 * The app is loaded on the table first (its start-up is not the trace's cost), then the request
 * opens the way a link inside the app opens it: the URL changes, the drawer follows.
 */
async function openTrace(page: Page, ctx: BrowserBenchContext, requestId: number): Promise<void> {
  await page.goto(`${ctx.baseUrl}/#key=${ctx.apiKey}`);
  await page.locator('tbody tr[data-row-id]').first().waitFor({ timeout: 60_000 });
  await page.evaluate('window.__longTasks = []');
  await page.evaluate(
    `history.pushState(null, '', '/?request=${requestId}'); dispatchEvent(new PopStateEvent('popstate'));`,
  );
  await page
    .locator('.trace-summary', { hasText: `${TRACE_SPANS.toLocaleString('en')} spans` })
    .waitFor({ timeout: 60_000 });
  // The waterfall's first rows paint in the frame after the summary.
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
}

const traceBench: BrowserBench = async (ctx) => {
  const { traceId, first, other } = await storeTrace(ctx);
  const browser = await chromium.launch(ctx.chromiumPath ? { executablePath: ctx.chromiumPath } : {});
  const open: number[] = [];
  const switchTo: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(INSTRUMENT);
      await openTrace(page, ctx, first);
      open.push(await longestTask(page));
      await page.evaluate('window.__longTasks = []');
      const span = page
        .getByRole('list', { name: 'Spans of this trace' })
        .getByLabel(new RegExp(`LLM request ${other}(,|$)`));
      await span.scrollIntoViewIfNeeded();
      await page.evaluate('window.__longTasks = []');
      await span.click();
      await page.getByRole('dialog', { name: `Request ${other}` }).waitFor();
      await page.locator('.trace-summary').waitFor();
      switchTo.push(await longestTask(page));
      await page.close();
    }
  } finally {
    await browser.close();
    await api(ctx, 'DELETE', `/api/requests?trace=${traceId}`);
  }
  return [
    {
      section: 'browser',
      name: `trace: open a request of a ${TRACE_SPANS.toLocaleString('en')}-span trace, longest main-thread task`,
      ...summarize(open),
      budget: 'p95 ≤ 200 ms',
    },
    {
      section: 'browser',
      name: `trace: click another LLM span of that trace, longest main-thread task`,
      ...summarize(switchTo),
      budget: 'p95 ≤ 200 ms',
    },
  ];
};

export default traceBench;
