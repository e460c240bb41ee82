import { expect, test } from './fixtures.ts';

// Removing sample rows can race a prefetch of one of them, which the browser logs as a 404.
test.use({ allowedConsoleErrors: [/404/] });

import { RequestsPage } from './requests-page.ts';

test('an empty database shows onboarding; sample data loads and is removed again', async ({
  page,
  server,
}) => {
  test.setTimeout(60_000);
  await page.goto(server.signInUrl());
  await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
  const snippets = page.locator('.snippet');
  await expect(snippets).toHaveCount(3);
  for (const title of ['curl', 'JavaScript SDK', 'Python SDK']) {
    await expect(page.locator('.snippet figcaption', { hasText: title })).toBeVisible();
  }
  const snippetText = (await snippets.allTextContents()).join('\n');
  expect(snippetText).toContain(`${server.url}/log-request`);
  expect(snippetText).toContain(`PROMPTLAYER_BASE_URL=${server.url}`);
  expect(snippetText).not.toContain(server.apiKey);
  // The curl example is stamped now, so the request it logs shows up at the top.
  const stamped = /"request_end_time": "([^"]+)"/.exec(snippetText)?.[1] ?? '';
  expect(Math.abs(Date.parse(stamped) - Date.now())).toBeLessThan(10 * 60_000);

  await page.getByRole('button', { name: 'Load sample data' }).click();
  const requests = new RequestsPage(page);
  await expect(requests.rows.first()).toBeVisible({ timeout: 30_000 });
  const { body } = await server.api<{ total: number }>('/api/requests/count?tag=sample');
  expect(body.total).toBeGreaterThanOrEqual(1000);
  await requests.expectCountText(body.total);

  // Removing sits next to the notice that says how many there are, not in the global header, and asks first.
  await expect(page.getByRole('banner').getByRole('button', { name: /sample/i })).toHaveCount(0);
  const notice = page.getByRole('note', { name: 'Sample data' });
  await expect(notice).toContainText(`${body.total.toLocaleString('en-US')} sample requests`);
  await notice.getByRole('button', { name: 'Remove sample data…' }).click();
  const confirm = page.getByRole('dialog', {
    name: `Remove ${body.total.toLocaleString('en-US')} sample requests?`,
  });
  await expect(confirm).toBeVisible();
  await confirm
    .getByRole('button', { name: `Remove ${body.total.toLocaleString('en-US')} sample requests` })
    .click();
  await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible({ timeout: 30_000 });
  const after = await server.api<{ total: number }>('/api/requests/count');
  expect(after.body.total).toBe(0);
  await expect(notice).toHaveCount(0);
});
