import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

test('infinite scroll loads every page and the DOM stays bounded at 10,000 loaded rows', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const total = 10_000;
  const now = Date.now();
  const bodies = Array.from({ length: total }, (_, i) =>
    chatBody(`Scroll question ${i}`, `Scroll answer ${i}`, {
      request_start_time: new Date(now - (total - i) * 1000).toISOString(),
      request_end_time: new Date(now - (total - i) * 1000 + 300).toISOString(),
    }),
  );
  await server.logConcurrently(bodies, 8);

  // Large pages keep the test quick; the default page size (50) is covered by the other specs.
  await page.goto(server.signInUrl('/?limit=500'));
  const requests = new RequestsPage(page);
  await requests.expectCountText(total);
  const scroller = page.locator('.data-table-scroll');
  const loaded = () => requests.table.getAttribute('data-loaded-rows').then(Number);
  expect(await loaded()).toBe(500);

  let maxDomRows = 0;
  const seenIds = new Set<number>();
  for (let round = 0; round < 40 && (await loaded()) < total; round++) {
    const before = await loaded();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(loaded, { timeout: 10_000 }).toBeGreaterThan(before);
    maxDomRows = Math.max(maxDomRows, await requests.rows.count());
    for (const id of await requests.rowIds()) seenIds.add(id);
  }
  expect(await loaded()).toBe(total);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByText('End of results')).toBeVisible();
  maxDomRows = Math.max(maxDomRows, await requests.rows.count());
  expect(maxDomRows).toBeGreaterThan(10);
  expect(maxDomRows).toBeLessThanOrEqual(100);
  // The last row is the oldest request.
  const ids = await requests.rowIds();
  expect(Math.min(...ids)).toBe(1);

  // Scrolling back to the top shows the newest rows again, still bounded.
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(requests.rows.first()).toContainText('Scroll question 9999');
  expect(await requests.rows.count()).toBeLessThanOrEqual(100);
});

test('the default page size loads the next page on scroll', async ({ page, server }) => {
  const bodies = Array.from({ length: 130 }, (_, i) => chatBody(`Q${i}`, `A${i}`));
  const ids = await server.logMany(bodies);
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.table).toHaveAttribute('data-loaded-rows', '50');
  const scroller = page.locator('.data-table-scroll');
  const loaded = () => requests.table.getAttribute('data-loaded-rows').then(Number);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(loaded).toBeGreaterThanOrEqual(100);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(loaded).toBe(130);
  // Keyset pages neither repeat nor skip: the bottom row is the first request logged.
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`tbody tr[data-row-id="${ids[0]}"]`)).toBeVisible();
});
