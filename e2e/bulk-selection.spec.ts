/**
 * Bulk actions on a table selection (issue #12): select rows by click, shift-click and `x`, tag
 * them and see the tag in the rows; a stale selection is explained; an admin deletes two selected
 * requests after a confirmation naming the count; an annotator gets the bar without Delete.
 * Screenshots (light, dark, 800 px, error) go to /tmp/shots-select/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';
import { signInAs } from './sign-in.ts';

const SHOTS = '/tmp/shots-select';
mkdirSync(SHOTS, { recursive: true });

const box = (page: Page, id: number) => page.getByRole('checkbox', { name: `Select row ${id}` });
const bar = (page: Page) => page.getByRole('region', { name: 'Selected requests' });
const row = (page: Page, id: number) => page.locator(`tbody tr[data-row-id="${id}"]`);

async function seed(log: (body: ReturnType<typeof chatBody>) => Promise<number>, n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await log(chatBody(`Question ${i}`, `Answer ${i}`)));
  // The table shows newest first.
  return ids.reverse();
}

test.describe('selecting and tagging', () => {
  // The stale selection's 409 is the answer under test.
  test.use({ allowedConsoleErrors: [/409/] });

  test('select by click, shift-click and x; tag the selection; a stale selection is explained', async ({
    page,
    server,
  }) => {
    const ids = await seed((b) => server.log(b), 8);
    const [a, b, c, d, , f] = ids as [number, number, number, number, number, number];
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(8);

    await box(page, a).click();
    await expect(bar(page)).toContainText('1 selected');
    await box(page, c).click({ modifiers: ['Shift'] });
    await expect(bar(page)).toContainText('3 selected');
    for (const id of [a, b, c]) await expect(box(page, id)).toBeChecked();
    await expect(box(page, d)).not.toBeChecked();
    // The drawer did not open: a checkbox is not a row click.
    await expect(page).not.toHaveURL(/request=/);

    // Keyboard: focus the sixth row with j, toggle it with x.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
    await row(page, a).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    await expect(row(page, f)).toBeFocused();
    await page.keyboard.press('x');
    await expect(box(page, f)).toBeChecked();
    await expect(bar(page)).toContainText('4 selected');
    await expect(page.getByRole('checkbox', { name: 'Select the loaded rows' })).toHaveAttribute(
      'aria-checked',
      'mixed',
    );

    await bar(page).getByLabel('Tag').fill('picked');
    await page.screenshot({ path: `${SHOTS}/selection-bar.png` });
    await bar(page).getByRole('button', { name: 'Apply' }).click();
    await expect(bar(page).getByRole('status')).toHaveText('Done: add tag “picked” on 4 requests.');
    for (const id of [a, b, c, f]) await expect(row(page, id)).toContainText('picked');
    await expect(row(page, d)).not.toContainText('picked');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/selection-bar-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 800, height: 700 });
    await page.screenshot({ path: `${SHOTS}/selection-bar-800.png` });

    // Someone deletes a selected request meanwhile: nothing is changed, and the bar says why.
    expect((await server.api('/api/bulk/delete', { body: { ids: [b] } })).status).toBe(200);
    await bar(page).getByRole('combobox', { name: 'Action' }).selectOption('remove-tag');
    await bar(page).getByLabel('Tag').fill('picked');
    await bar(page).getByRole('button', { name: 'Apply' }).click();
    await expect(bar(page).getByRole('alert')).toContainText('no longer exist');
    // The table shows the rows as they are now: the deleted one is gone.
    await expect(row(page, b)).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/selection-error-800.png` });
    await expect(row(page, a)).toContainText('picked');

    // Escape clears the selection (from the focused row), and the bar goes away.
    await row(page, a).focus();
    await page.keyboard.press('Escape');
    await expect(bar(page)).toHaveCount(0);
    await expect(box(page, a)).not.toBeChecked();
  });
});

test('an admin deletes two selected requests after confirming the count', async ({ page, server }) => {
  const ids = await seed((b) => server.log(b), 5);
  const [a, b, c] = ids as [number, number, number];
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await requests.expectCountText(5);
  await box(page, a).click();
  await box(page, b).click();
  await bar(page).getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 requests?' });
  await expect(confirm).toContainText('cannot be undone');
  await page.screenshot({ path: `${SHOTS}/delete-confirm.png` });
  await confirm.getByRole('button', { name: 'Delete 2 requests' }).click();
  await requests.expectCountText(3);
  await expect(row(page, a)).toHaveCount(0);
  await expect(row(page, b)).toHaveCount(0);
  await expect(row(page, c)).toBeVisible();
  await expect(bar(page)).toHaveCount(0);
  // Admins may also delete a whole filter as a job.
  await page.getByRole('button', { name: 'Change all…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change all 3 matching requests' });
  await dialog.getByLabel('Action').selectOption('delete');
  await page.screenshot({ path: `${SHOTS}/delete-job-confirm.png` });
  await dialog.getByRole('button', { name: 'Delete 3 requests' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Done: 3 requests deleted.');
  await page.keyboard.press('Escape');
  await requests.expectCountText(0);
});

test.describe('as an annotator', () => {
  // Signing in with a password: the page's first read (sent before the form) is answered 401.
  test.use({ allowedConsoleErrors: [/401/] });

  test('the bar offers tagging and defined scores but no delete', async ({ page, server }) => {
    const ids = await seed((b) => server.log(b), 3);
    const defined = await server.api('/api/score-definitions', {
      body: {
        name: 'helpfulness',
        kind: 'categorical',
        labels: [
          { label: 'Bad', value: 0 },
          { label: 'Great', value: 100 },
        ],
      },
    });
    expect(defined.status).toBe(201);
    const queue = await server.api('/api/queues', {
      body: { name: 'triage', definitionIds: [(defined.body as { id: number }).id], ids: [ids[2]] },
    });
    expect(queue.status, JSON.stringify(queue.body)).toBe(201);
    await signInAs(page, server, 'Annie', 'annotator');
    await box(page, ids[0] as number).click();
    await expect(bar(page)).toContainText('1 selected');
    await expect(bar(page).getByRole('button', { name: 'Delete…' })).toHaveCount(0);
    // A score name with a definition offers the definition's labels.
    await bar(page).getByRole('combobox', { name: 'Action' }).selectOption('set-score');
    await bar(page).getByLabel('Score name').fill('helpfulness');
    await bar(page).getByRole('combobox', { name: 'helpfulness value' }).selectOption('Great (100)');
    await bar(page).getByRole('button', { name: 'Apply' }).click();
    await expect(bar(page).getByRole('status')).toHaveText(
      'Done: set score helpfulness to 100 on 1 request.',
    );
    await expect(row(page, ids[0] as number)).toContainText('100');
    // Add the selection to a review queue.
    await bar(page).getByRole('button', { name: 'Add to queue' }).click();
    await page.getByRole('menuitem', { name: 'triage' }).click();
    await expect(bar(page).getByRole('status')).toHaveText(
      'Added 1 request to queue “triage” (now 2 items).',
    );
    await page.screenshot({ path: `${SHOTS}/selection-bar-annotator.png` });
    // "Select all N matching" hands over to the whole-filter job dialog.
    await bar(page).getByRole('button', { name: 'Select all 3 matching' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change all 3 matching requests' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('option', { name: 'Delete requests' })).toHaveCount(0);
    await expect(bar(page)).toHaveCount(0);
  });
});
