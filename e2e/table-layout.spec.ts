/** Issue #8 item 13: a table and filter menus a new user can read at 1440 px and at 800 px. */
import type { Locator } from '@playwright/test';
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const LONG_MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0-with-a-very-long-deployment-name';

/** True when the element shows all of its text (nothing cut off or ellipsed). */
const whole = (locator: Locator) =>
  locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);

async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  return (
    a.x >= b.x - 0.5 &&
    a.x + a.width <= b.x + b.width + 0.5 &&
    a.y >= b.y - 0.5 &&
    a.y + a.height <= b.y + b.height + 0.5
  );
}

test('names and scores readable at 1440 px; numbers right-aligned and tabular; "Copied" not clipped', async ({
  page,
  server,
}) => {
  const id = await server.log(
    chatBody('q', 'a', {
      model: 'claude-sonnet-4-20250514',
      provider: 'anthropic',
      prompt_name: 'summarize-article',
      prompt_version_number: 4,
      tags: ['production'],
      input_tokens: 1234,
      output_tokens: 56,
      price: 0.05,
    }),
  );
  await server.api(`/api/requests/${id}/scores/accuracy`, { method: 'PUT', body: { value: 87 } });
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  const row = requests.rows.first();
  await expect(row).toContainText('accuracy 87');
  // The selection checkbox first, then Time, ID, Prompt, Model, Input, Output, Status, Latency, Tokens, Cost, Tags, Scores
  const cell = (index: number) => row.locator('td').nth(index + 1);
  expect(await whole(cell(2).locator('.truncate'))).toBe(true);
  expect(await whole(cell(3).locator('.truncate'))).toBe(true);
  expect(await whole(cell(10).locator('.tag'))).toBe(true);
  expect(await whole(cell(11).locator('.score'))).toBe(true);
  for (const index of [7, 8, 9]) {
    expect(await cell(index).evaluate((el) => getComputedStyle(el).justifyContent)).toBe('flex-end');
    expect(await cell(index).evaluate((el) => getComputedStyle(el).fontVariantNumeric)).toBe('tabular-nums');
  }
  await expect(cell(9)).toHaveText('$0.0500');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await row.getByRole('button', { name: `Copy request ID ${id}` }).click();
  const label = row.locator('.copied-label');
  await expect(label).toHaveText('Copied');
  expect(await inside(label, cell(1))).toBe(true);
  expect(await whole(cell(1))).toBe(true);
});

for (const width of [1440, 800]) {
  test(`filter menus at ${width} px: score fields inside their panel, long model names whole`, async ({
    page,
    server,
  }) => {
    await server.log(chatBody('q', 'a', { model: LONG_MODEL, provider: 'bedrock' }));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.signInUrl());
    await expect(new RequestsPage(page).rows).toHaveCount(1);

    await page.getByRole('button', { name: /^Score/ }).click();
    const panel = page.locator('.popover').filter({ has: page.getByLabel('Maximum score') });
    for (const field of ['Filter score name', 'Minimum score', 'Maximum score']) {
      expect(await inside(page.getByLabel(field), panel), field).toBe(true);
    }
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Model/ }).click();
    const option = page.locator('.facet-option').filter({ hasText: LONG_MODEL });
    await expect(option).toBeVisible();
    expect(await whole(option.locator('.facet-value'))).toBe(true);
    expect(await inside(option.locator('.facet-value'), page.locator('.popover').first())).toBe(true);
  });
}
