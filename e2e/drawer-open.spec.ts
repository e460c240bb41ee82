import { variedBodies } from '../server/testing/factories.ts';
import { drawer, tableRow } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('opens by row click, switches on another row click, closes with Esc back to the row', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(6));
  const [a, b] = [ids[2] as number, ids[4] as number];
  await page.goto(server.signInUrl());
  await tableRow(page, a).getByText(`Question number 2:`).click();
  const first = drawer(page, a);
  await expect(first).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]request=${a}\\b`));
  await expect(first.getByRole('region', { name: 'Input' })).toContainText(
    'Question number 2: what is 2 squared?',
  );

  // The table stays usable: clicking another row switches the drawer instead of closing it.
  await tableRow(page, b).getByText('Question number 4:').click();
  const second = drawer(page, b);
  await expect(second).toBeVisible();
  await expect(second.getByRole('region', { name: 'Input' })).toContainText('Question number 4');
  await expect(page.getByRole('dialog')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/request=/);
  await expect(tableRow(page, b)).toBeFocused();
});

test('opens by keyboard (Enter on a focused row) and the close button returns focus', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl());
  const newest = ids[2] as number;
  await tableRow(page, newest).focus();
  await page.keyboard.press('Enter');
  const d = drawer(page, newest);
  await expect(d).toBeVisible();
  await d.getByRole('button', { name: 'Close' }).click();
  await expect(d).toBeHidden();
  await expect(tableRow(page, newest)).toBeFocused();
});

test('opens from a deep link; copy ID and copy link put exactly the right text on the clipboard', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(4));
  const id = ids[1] as number;
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  await expect(d).toBeVisible();
  await expect(d.getByRole('region', { name: 'Summary' })).toContainText('gpt-4o-mini');

  await d.getByRole('button', { name: `Copy request ID ${id}` }).click();
  await expect(d.getByText('Copied', { exact: true })).toBeVisible();
  await expect(page.getByTestId('live-region')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(String(id));

  await d.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${server.url}/?request=${id}`);
  expect(link).not.toContain('#');

  // Each message has its own copy button: exactly that message's text.
  const message = d.getByRole('article', { name: 'input message 2: user' });
  await message.getByRole('button', { name: 'Copy input message 2' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await message.locator('.bp-text').first().textContent());
  expect(copied).toContain('Question number 1');

  // `c` copies the open request's ID too.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await d.focus();
  await page.keyboard.press('c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(String(id));

  // The copied link opens the same request in a fresh page.
  const other = await page.context().newPage();
  await other.goto(link);
  // A whole fresh page load (bundle, list, detail): allow for a busy machine.
  await expect(drawer(other, id)).toBeVisible({ timeout: 15_000 });
  await other.close();
});

test('resizes with the keyboard and remembers its width across reloads', async ({ page, server }) => {
  const ids = await server.logMany(variedBodies(2));
  const id = ids[0] as number;
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const before = (await d.boundingBox())?.width ?? 0;
  const handle = d.getByRole('separator', { name: 'Resize drawer' });
  await handle.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await d.boundingBox())?.width).toBe(before + 120);
  await page.reload();
  await expect(drawer(page, id)).toBeVisible();
  expect((await drawer(page, id).boundingBox())?.width).toBe(before + 120);

  // Drag the edge back.
  const box = await handle.boundingBox();
  if (!box) throw new Error('no handle box');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await d.boundingBox())?.width ?? 0)).toBeLessThan(before);
});

test.describe('states', () => {
  test.use({ allowedConsoleErrors: [/500/] });

  test('shows a skeleton while loading and an error with Retry that recovers', async ({ page, server }) => {
    const ids = await server.logMany(variedBodies(2));
    const id = ids[0] as number;
    let fail = true;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/requests/${id}`, async (route) => {
      await gate;
      if (fail)
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ success: false, error: 'internal', message: 'The store is unavailable.' }),
        });
      return route.continue();
    });
    await page.goto(server.signInUrl(`/?request=${id}`));
    const d = drawer(page, id);
    await expect(d.getByRole('status').filter({ hasText: `Loading request ${id}` })).toBeAttached();
    await page.screenshot({ path: 'screenshots/drawer-loading.png' });
    release();
    await expect(d.getByRole('alert')).toContainText(`Could not load request ${id}.`, { timeout: 15_000 });
    await expect(d.getByRole('alert')).toContainText('The store is unavailable.');
    await page.screenshot({ path: 'screenshots/drawer-error.png' });
    fail = false;
    await d.getByRole('button', { name: 'Retry' }).click();
    await expect(d.getByRole('region', { name: 'Summary' })).toBeVisible();
  });
});

test.describe('unknown id', () => {
  // The browser itself logs the failed fetch.
  test.use({ allowedConsoleErrors: [/404/] });

  test('says so instead of crashing', async ({ page, server }) => {
    await server.logMany(variedBodies(1));
    await page.goto(server.signInUrl('/?request=999999'));
    await expect(drawer(page, 999999).getByRole('alert')).toContainText('Request 999999 was not found.');
  });
});
