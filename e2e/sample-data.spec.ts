/** Issue #8 items 6 and 16: sample data is removed exactly, after a confirmation, and its images load offline. */
import { chatBody } from '../server/testing/factories.ts';
import { drawer } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

// Removing rows can race a prefetch of one of them, which the browser logs as a 404.
test.use({ allowedConsoleErrors: [/404/] });

test("removing sample data keeps the user's own `sample`-tagged requests, and asks first", async ({
  page,
  server,
}) => {
  const mine = await server.log(chatBody('my own sample', 'kept', { tags: ['sample'] }));
  expect((await server.api('/api/sample-data', { body: { count: 40 } })).status).toBe(200);
  await page.goto(server.signInUrl());
  const notice = page.getByRole('note', { name: 'Sample data' });
  await expect(notice).toContainText('40 sample requests');
  await notice.getByRole('button', { name: 'Remove sample data…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove 40 sample requests?' });
  await expect(confirm).toContainText('including any you tagged “sample”');
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await server.api<{ total: number }>('/api/requests/count')).body.total).toBe(41);

  await notice.getByRole('button', { name: 'Remove sample data…' }).click();
  await confirm.getByRole('button', { name: 'Remove 40 sample requests' }).click();
  await expect(page.getByText('Removed 40 sample requests', { exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
  const { body } = await server.api<{ rows: { id: number }[] }>('/api/requests');
  expect(body.rows.map((row) => row.id)).toEqual([mine]);
});

test('sample images load with no network', async ({ page, server }) => {
  await server.api('/api/sample-data', { body: { count: 300 } });
  const { body } = await server.api<{ rows: { id: number }[] }>('/api/requests?prompt=image-caption&limit=1');
  const id = body.rows[0]?.id as number;
  expect(id).toBeDefined();
  // Anything not served by Promptlog itself fails, as it would offline.
  await page.route(
    (url) => url.origin !== server.url,
    (route) => route.abort('internetdisconnected'),
  );
  await page.goto(server.signInUrl(`/?request=${id}`));
  const image = drawer(page, id).locator('.bp-message img').first();
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
});
