import { chatBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';

test('signs in from the URL fragment, strips the key from the address bar and renders rows', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(12));
  await page.goto(server.signInUrl());
  const table = page.getByRole('table', { name: 'Requests' });
  await expect(table).toBeVisible();
  await expect(page).toHaveURL(`${server.url}/`);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(12);
  // Newest first.
  await expect(rows.first()).toHaveAttribute('data-row-id', String(ids.at(-1)));
  await expect(rows.first()).toContainText('Question number 11');
  await expect(page.getByText('12 requests')).toBeVisible();
  // The key stays signed in across a reload without the fragment.
  await page.reload();
  await expect(table.locator('tbody tr')).toHaveCount(12);
});

test('pasting the sign-in link into a tab that shows the sign-in form signs in', async ({ page, server }) => {
  await server.log(chatBody('hello', 'hi'));
  await page.goto(server.pageUrl());
  await expect(page.getByLabel('API key')).toBeVisible();
  // Same document, new fragment: the browser does not reload, only `hashchange` fires.
  await page.goto(server.signInUrl());
  await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr')).toHaveCount(1);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
});

test.describe('without a key', () => {
  test.use({ allowedConsoleErrors: [/401/] });

  test('shows the sign-in form, and a rejected key sends the user back to it with a message', async ({
    page,
    server,
  }) => {
    await server.log(chatBody('hello', 'hi'));
    await page.goto(server.pageUrl());
    await expect(page.getByLabel('API key')).toBeVisible();
    await expect(page.getByText(/sign-in link the server printed/)).toBeVisible();

    await page.getByLabel('API key').fill('wrong-key');
    await page.getByRole('button', { name: 'Sign in with key' }).click();
    await expect(page.getByRole('alert')).toContainText('not accepted');
    await expect(page.getByLabel('API key')).toBeVisible();

    await page.getByLabel('API key').fill(server.apiKey);
    await page.getByRole('button', { name: 'Sign in with key' }).click();
    await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr')).toHaveCount(1);
  });

  test('a revoked key stored in the browser returns the user to the sign-in form', async ({
    page,
    server,
  }) => {
    await server.log(chatBody('hello', 'hi'));
    await page.goto(server.signInUrl());
    await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr')).toHaveCount(1);
    await page.evaluate(() => localStorage.setItem('promptlog.apiKey', 'revoked-key'));
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('not accepted');
    await expect(page.getByLabel('API key')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('promptlog.apiKey'))).toBeNull();
  });
});
