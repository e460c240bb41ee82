/** Issue #8 item 14: the drawer as a new user meets it. */

import { chatBody, variedBodies } from '../server/testing/factories.ts';
import { drawer } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ allowedConsoleErrors: [/404/] });

test('a request that does not exist says so, with no Retry and no way to move on', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl('/?request=999999'));
  const d = drawer(page, 999999);
  await expect(d.getByRole('alert')).toContainText('Request 999999 was not found.');
  await expect(d.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(d.getByRole('button', { name: 'Next request' })).toBeDisabled();
  await expect(d.getByRole('button', { name: 'Previous request' })).toBeDisabled();
});

test('?request=abc says it is not a request ID', async ({ page, server }) => {
  await server.logMany(variedBodies(2));
  await page.goto(server.signInUrl('/?request=abc'));
  const alert = page.getByRole('alert').filter({ hasText: 'is not a request ID' });
  await expect(alert).toContainText('“abc” is not a request ID');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  await expect(page).not.toHaveURL(/request=/);
});

test('m, type, Tab, type, Enter saves metadata and gives the keys back: j moves on', async ({
  page,
  server,
}) => {
  const ids = await server.logMany([chatBody('first', 'a'), chatBody('second', 'b')]);
  const [older, newer] = ids as [number, number];
  await page.goto(server.signInUrl(`/?request=${newer}`));
  const d = drawer(page, newer);
  await expect(d.getByLabel('Metadata key')).toBeVisible();
  await page.keyboard.press('m');
  await expect(d.getByLabel('Metadata key')).toBeFocused();
  await page.keyboard.type('reviewer');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ana');
  await page.keyboard.press('Enter');
  await expect
    .poll(
      async () =>
        (await server.api<{ metadata: Record<string, string> }>(`/api/requests/${newer}`)).body.metadata,
    )
    .toEqual({ reviewer: 'ana' });
  await page.keyboard.press('j');
  await expect(drawer(page, older)).toBeVisible();
});
