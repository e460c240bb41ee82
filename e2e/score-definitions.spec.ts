/**
 * Score definitions in the browser (issue #12): an admin defines a categorical score and adopts a
 * free-form one; an annotator scores with the definition's labels and a comment; an off-range
 * numeric value is refused before it is sent; an archived definition disappears from the drawer.
 * Screenshots go to /tmp/shots-review/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chatBody } from '../server/testing/factories.ts';
import { drawer } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';
import { signInAs } from './sign-in.ts';

// Signing in with a password: the page's first read (sent before the form) is answered 401.
test.use({ allowedConsoleErrors: [/401/] });

const SHOTS = '/tmp/shots-review';
mkdirSync(SHOTS, { recursive: true });
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('an admin defines scores in Settings: labels, a bad draft, adopting a free-form name, archiving', async ({
  page,
  server,
}) => {
  const id = await server.log(chatBody('Summarise this', 'A summary'));
  await server.api(`/api/requests/${id}/scores/legacy`, { method: 'PUT', body: { value: 30 } });
  await signInAs(page, server, 'Ada', 'admin', '/settings');
  const section = page.getByRole('region', { name: 'Score definitions' });
  await expect(section).toContainText('No score definitions yet.');
  await expect(section.getByRole('list', { name: 'Free-form scores' })).toContainText('legacy');
  await shoot(page, 'settings-definitions-empty');

  const form = page.getByRole('form', { name: 'Create a score definition' });
  await form.getByLabel('Score name').fill('helpfulness');
  await form.getByLabel('Labels').fill('Unhelpful');
  await form.getByRole('button', { name: 'Create definition' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give at least two labels.');
  await expect(form.getByLabel('Labels')).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'settings-definitions-error');
  await form.getByLabel('Labels').fill('Unhelpful, Partly, Helpful');
  await form.getByLabel('Description').fill('Would the user be better off with this answer?');
  await form.getByRole('button', { name: 'Create definition' }).click();
  const table = section.getByRole('table', { name: 'Score definitions' });
  await expect(table.getByRole('row', { name: /helpfulness/ })).toContainText('2 Partly = 50');

  await section.getByRole('button', { name: 'Adopt legacy' }).click();
  await expect(form.getByLabel('Score name')).toHaveValue('legacy');
  await form.getByLabel('Kind').selectOption('numeric');
  await form.getByLabel('Step').fill('10');
  await form.getByRole('button', { name: 'Create definition' }).click();
  await expect(table.getByRole('row', { name: /legacy/ })).toContainText('0–100, step 10');
  await expect(section.getByRole('list', { name: 'Free-form scores' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('score definition created');
  await shoot(page, 'settings-definitions');
  await page.setViewportSize({ width: 800, height: 900 });
  await shoot(page, 'settings-definitions-800');

  await table.getByRole('button', { name: 'Archive legacy' }).click();
  await expect(table.getByRole('row', { name: /legacy/ })).toHaveCount(0);
  await section.getByLabel('Show archived').check();
  await expect(table.getByRole('row', { name: /legacy/ })).toContainText('archived');
});

test('an annotator scores with a definition: labels, a comment, a refused value', async ({
  page,
  server,
}) => {
  const id = await server.log(chatBody('What is the capital of France?', 'Paris.'));
  for (const body of [
    {
      name: 'helpfulness',
      kind: 'categorical',
      labels: [
        { label: 'Bad', value: 0 },
        { label: 'Good', value: 100 },
      ],
    },
    { name: 'accuracy', kind: 'numeric', min: 0, max: 10, description: 'Facts right, out of 10' },
    { name: 'safe', kind: 'boolean' },
  ])
    expect((await server.api('/api/score-definitions', { body })).status).toBe(201);
  await signInAs(page, server, 'Annie', 'annotator', `/?request=${id}`);
  const d = drawer(page, id);
  const helpfulness = d.getByRole('group', { name: /helpfulness/ });
  await helpfulness.getByLabel('Comment on helpfulness').fill('Right, but <b>terse</b>');
  await helpfulness.getByRole('button', { name: 'Set helpfulness to Good' }).click();
  const scores = d.getByRole('list', { name: 'Scores' });
  const row = scores.getByRole('listitem').filter({ hasText: 'helpfulness' });
  await expect(row).toContainText('100');
  await expect(row).toContainText('“Right, but <b>terse</b>” — Annie');
  await expect(helpfulness.getByRole('button', { name: 'Set helpfulness to Good' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const accuracy = d.getByRole('group', { name: /accuracy/ });
  await expect(accuracy).toContainText('Facts right, out of 10');
  await accuracy.getByLabel('accuracy value').fill('12');
  await accuracy.getByRole('button', { name: 'Save accuracy' }).click();
  await expect(accuracy.getByRole('alert')).toContainText('accuracy takes a number from 0 to 10');
  await accuracy.getByLabel('accuracy value').fill('8');
  await accuracy.getByRole('button', { name: 'Save accuracy' }).click();
  await expect(scores.getByRole('listitem').filter({ hasText: 'accuracy' })).toContainText('8');
  await d.getByRole('group', { name: /safe/ }).getByRole('button', { name: 'Set safe to Pass' }).click();
  await expect(scores.getByRole('listitem').filter({ hasText: 'safe' })).toContainText('100');
  await shoot(page, 'drawer-defined-scores');
  await page.setViewportSize({ width: 800, height: 900 });
  await shoot(page, 'drawer-defined-scores-800');

  // The server refuses what the form would not send, naming the field.
  const refused = await server.api(`/api/requests/${id}/scores/helpfulness`, {
    method: 'PUT',
    body: { value: 50 },
  });
  expect(refused.status).toBe(422);
  const comments = await server.api<{ comments: { name: string; actor: string }[] }>(
    `/api/requests/${id}/score-comments`,
  );
  expect(comments.body.comments).toEqual([expect.objectContaining({ name: 'helpfulness', actor: 'Annie' })]);
});
