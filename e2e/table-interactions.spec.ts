import { variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

test.describe('copy ID', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('puts exactly the id on the clipboard, announces it, and does not open the row', async ({
    page,
    server,
  }) => {
    const ids = await server.logMany(variedBodies(5));
    const target = ids[2] as number;
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await expect(requests.rows).toHaveCount(5);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));

    const button = page.getByRole('button', { name: `Copy request ID ${target}`, exact: true });
    await button.hover();
    await expect(page.getByRole('tooltip')).toHaveText('Copy ID');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(target));
    await expect(button).toContainText('Copied');
    await expect(page.getByTestId('live-region')).toHaveText('Copied');
    expect(new URL(page.url()).searchParams.get('request')).toBeNull();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('`c` copies the focused row id', async ({ page, server }) => {
    const ids = await server.logMany(variedBodies(4));
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await expect(requests.rows).toHaveCount(4);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(requests.rows.nth(1)).toBeFocused();
    await page.keyboard.press('c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(String(ids[2]));
    await expect(page.getByTestId('live-region')).toHaveText('Copied');
    await expect(page.getByRole('button', { name: `Copy request ID ${ids[2]}`, exact: true })).toContainText(
      'Copied',
    );
  });
});

test('sorting by a header sorts on the server and sets aria-sort', async ({ page, server }) => {
  const bodies = variedBodies(30);
  const ids = await server.logMany(bodies);
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  const timeHeader = page.getByRole('columnheader', { name: /Time/ });
  const costHeader = page.getByRole('columnheader', { name: /Cost/ });
  await expect(timeHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(costHeader).toHaveAttribute('aria-sort', 'none');

  const byCost = ids
    .map((id, i) => ({ id, cost: bodies[i]?.price ?? 0 }))
    .sort((a, b) => b.cost - a.cost)
    .map((row) => row.id);
  await costHeader.getByRole('button').click();
  await expect(costHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(timeHeader).toHaveAttribute('aria-sort', 'none');
  expect(new URL(page.url()).searchParams.get('sort')).toBe('cost');
  await requests.expectRowIds(byCost.slice(0, (await requests.rowIds()).length));

  await costHeader.getByRole('button').click();
  await expect(costHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(new URL(page.url()).searchParams.get('order')).toBe('asc');
  const ascending = [...byCost].reverse();
  await expect.poll(async () => (await requests.rowIds()).slice(0, 10)).toEqual(ascending.slice(0, 10));

  const latencyHeader = page.getByRole('columnheader', { name: /Latency/ });
  await latencyHeader.getByRole('button').click();
  await expect(latencyHeader).toHaveAttribute('aria-sort', 'descending');
  // Latency grows with i in the seed: slowest = newest.
  await expect
    .poll(async () => (await requests.rowIds()).slice(0, 5))
    .toEqual([...ids].reverse().slice(0, 5));
});

test('keyboard: j/k move focus, Enter opens, / focuses search, ? lists shortcuts', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(6));
  const newestFirst = [...ids].reverse();
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(6);

  await page.keyboard.press('j');
  await expect(requests.rows.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`tbody tr[data-row-id="${newestFirst[2]}"]`)).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator(`tbody tr[data-row-id="${newestFirst[1]}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('request')).toBe(String(newestFirst[1]));

  await page.goto(server.pageUrl());
  await expect(requests.rows).toHaveCount(6);
  await page.keyboard.press('/');
  await expect(requests.search).toBeFocused();
  await page.keyboard.type('j');
  await expect(requests.search).toHaveValue('j');
  await requests.search.fill('');
  await requests.search.press('Escape');
  await expect(requests.search).not.toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Copy the focused request's ID");
  await expect(dialog).toContainText('Search requests');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('row click opens the request in the URL', async ({ page, server }) => {
  const ids = await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await page.locator(`tbody tr[data-row-id="${ids[0]}"] td`).nth(4).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('request')).toBe(String(ids[0]));
  await expect(requests.rows).toHaveCount(3);
});

test('column visibility is remembered across reloads', async ({ page, server }) => {
  await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(3);
  await expect(page.getByRole('columnheader', { name: 'Input' })).toBeVisible();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Input' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
  await page.reload();
  await expect(requests.rows).toHaveCount(3);
  await expect(page.getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Output' })).toBeVisible();
});

test('a filter change keeps the previous rows on screen with a progress bar until the new rows arrive', async ({
  page,
  server,
}) => {
  const bodies = variedBodies(12);
  const ids = await server.logMany(bodies);
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(12);

  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === '/api/requests' && url.searchParams.get('provider') === 'anthropic',
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await requests.toggleFacet('Provider', 'anthropic');
  await expect(page.getByRole('progressbar', { name: 'Refreshing requests' })).toBeVisible();
  expect(await requests.rows.count()).toBe(12);
  release();
  const anthropic = ids.filter((_, i) => bodies[i]?.provider === 'anthropic').reverse();
  await requests.expectRowIds(anthropic);
  await expect(page.getByRole('progressbar', { name: 'Refreshing requests' })).toHaveCount(0);
});
