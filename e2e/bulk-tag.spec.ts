/**
 * Bulk actions on a whole filter (issue #12): an annotator tags every request matching a filter
 * from the table bar, watches the progress to the end, and the table's tag filter finds them.
 * (The 10,000 rows are the lead's to run: BULK_E2E_ROWS=10000.) Screenshots go to
 * /tmp/shots-review/.
 */
import { mkdirSync } from 'node:fs';
import { variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const SHOTS = '/tmp/shots-review';
mkdirSync(SHOTS, { recursive: true });
const ROWS = Number(process.env.BULK_E2E_ROWS ?? 1500);

test('bulk-tag every request matching a filter and watch the progress', async ({ page, server }) => {
  test.setTimeout(120_000 + ROWS * 20);
  const bodies = variedBodies(ROWS);
  await server.logConcurrently(bodies, 8);
  const matching = bodies.filter((b) => b.model === 'gpt-4o-mini').length;
  await page.goto(server.signInUrl('?model=gpt-4o-mini'));
  const requests = new RequestsPage(page);
  await requests.expectCountText(matching);

  await page.getByRole('button', { name: 'Change all…' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Change all ${matching.toLocaleString('en-US')} matching requests`,
  });
  await dialog.getByRole('button', { name: /^Apply to/ }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a tag.');
  await dialog.getByLabel('Tag').fill('needs-review');
  await page.screenshot({ path: `${SHOTS}/bulk-dialog.png` });
  await dialog
    .getByRole('button', { name: `Add tag “needs-review” on ${matching.toLocaleString('en-US')} requests` })
    .click();
  await expect(dialog.getByRole('progressbar', { name: 'Bulk change progress' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/bulk-progress.png` });
  await expect(dialog.getByRole('status')).toHaveText(
    `Done: ${matching.toLocaleString('en-US')} requests changed.`,
    { timeout: 60_000 },
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/bulk-done-dark.png` });
  await page.keyboard.press('Escape');

  await page.goto(server.pageUrl('?tag=needs-review'));
  await requests.expectCountText(matching);
  const audit = await server.api<{ entries: { action: string; detail: { done?: number } }[] }>('/api/audit');
  expect(audit.body.entries.find((e) => e.action === 'bulk_job_finished')?.detail.done).toBe(matching);
});

test('a filter that matches nothing offers no bulk change', async ({ page, server }) => {
  await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl('?model=no-such-model'));
  await new RequestsPage(page).expectCountText(0);
  await expect(page.getByRole('button', { name: 'Change all…' })).toBeDisabled();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.screenshot({ path: `${SHOTS}/bulk-empty-800.png` });
});
