import { chatBody } from '../server/testing/factories.ts';
import { type Annotated, drawer, tableRow } from './drawer-support.ts';
import { expect, type TestServer, test } from './fixtures.ts';

const annotations = async (server: TestServer, id: number): Promise<Annotated> =>
  (await server.api<Annotated>(`/api/requests/${id}`)).body;

test('metadata add, edit in place and remove persist on the server', async ({ page, server }) => {
  const id = await server.log(chatBody('hello', 'world', { metadata: { env: 'prod' } }));
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const table = d.getByRole('table', { name: 'Metadata' });
  await expect(table.getByRole('row', { name: /env/ })).toContainText('prod');

  await d.getByLabel('Metadata key').fill('reviewer');
  await d.getByLabel('Metadata value').fill('alice');
  await d.getByRole('button', { name: 'Save metadata' }).click();
  await expect(table.getByRole('row', { name: /reviewer/ })).toContainText('alice');
  await expect
    .poll(async () => (await annotations(server, id)).metadata)
    .toEqual({ env: 'prod', reviewer: 'alice' });

  await d.getByRole('button', { name: 'Edit metadata env' }).click();
  await d.getByLabel('Value of env').fill('staging');
  await d.getByLabel('Value of env').press('Enter');
  await expect(table.getByRole('row', { name: /env/ })).toContainText('staging');
  await expect.poll(async () => (await annotations(server, id)).metadata.env).toBe('staging');
  // Enter in the field saved it and did not close the drawer.
  await expect(d).toBeVisible();

  await d.getByRole('button', { name: 'Remove metadata reviewer' }).click();
  await expect(table.getByRole('row', { name: /reviewer/ })).toHaveCount(0);
  await expect.poll(async () => (await annotations(server, id)).metadata).toEqual({ env: 'staging' });

  await page.reload();
  await expect(drawer(page, id).getByRole('table', { name: 'Metadata' })).toContainText('staging');
});

test('score add, change and remove persist, and the table row follows without a reload', async ({
  page,
  server,
}) => {
  const id = await server.log(chatBody('score me', 'ok'));
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const scores = d.getByRole('list', { name: 'Scores' });

  await d.getByLabel('Score value').fill('101');
  await d.getByRole('button', { name: 'Save score' }).click();
  await expect(d.getByRole('alert')).toHaveText('A score is a whole number from 0 to 100.');
  await d.getByLabel('Score value').fill('85.5');
  await d.getByRole('button', { name: 'Save score' }).click();
  await expect(d.getByRole('alert')).toHaveText('A score is a whole number from 0 to 100.');
  expect((await annotations(server, id)).scores).toEqual({});

  await d.getByLabel('Score value').fill('70');
  await d.getByRole('button', { name: 'Save score' }).click();
  await expect(scores).toContainText('default');
  await expect(scores).toContainText('70');
  await expect.poll(async () => (await annotations(server, id)).scores).toEqual({ default: 70 });
  await expect(tableRow(page, id)).toContainText('70');

  await d.getByLabel('Score name').fill('helpfulness');
  await d.getByRole('button', { name: 'Set score helpfulness to 20' }).click();
  await expect
    .poll(async () => (await annotations(server, id)).scores)
    .toEqual({ default: 70, helpfulness: 20 });

  await d.getByLabel('Score name').fill('default');
  await d.getByLabel('Score value').fill('40');
  await d.getByLabel('Score value').press('Enter');
  await expect
    .poll(async () => (await annotations(server, id)).scores)
    .toEqual({ default: 40, helpfulness: 20 });
  await expect(tableRow(page, id)).toContainText('40');
  await page.screenshot({ path: 'screenshots/drawer-scored.png' });

  await d.getByRole('button', { name: 'Remove score helpfulness' }).click();
  await expect(scores).not.toContainText('helpfulness');
  await expect.poll(async () => (await annotations(server, id)).scores).toEqual({ default: 40 });
  await d.getByRole('button', { name: 'Remove score default' }).click();
  await expect(d.getByText('No scores.')).toBeVisible();
  await expect.poll(async () => (await annotations(server, id)).scores).toEqual({});
});

test('tags add and remove persist', async ({ page, server }) => {
  const id = await server.log(chatBody('tag me', 'ok', { tags: ['first'] }));
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  await d.getByLabel('New tag').fill('needs-review');
  await d.getByRole('button', { name: 'Add tag' }).click();
  await expect(d.getByRole('button', { name: 'Remove tag needs-review' })).toBeVisible();
  await expect
    .poll(async () => (await annotations(server, id)).tags.sort())
    .toEqual(['first', 'needs-review']);
  await expect(tableRow(page, id)).toContainText('needs-review');
  await d.getByRole('button', { name: 'Remove tag first' }).click();
  await expect.poll(async () => (await annotations(server, id)).tags).toEqual(['needs-review']);
});

test.describe('refused writes', () => {
  // The browser logs the 400/404 responses.
  test.use({ allowedConsoleErrors: [/400|404/] });

  test('a refused write rolls back with a visible error', async ({ page, server }) => {
    const id = await server.log(
      chatBody('refuse me', 'ok', { metadata: { env: 'prod' }, tags: ['to-delete'] }),
    );
    // A second request, so that deleting `to-delete` below is not a delete of everything (which needs all=true).
    await server.log(chatBody('keep me', 'ok'));
    await page.goto(server.signInUrl(`/?request=${id}`));
    const d = drawer(page, id);
    // The server caps metadata values at 64 KiB; the form leaves that to the server.
    await d.getByLabel('Metadata key').fill('blob');
    await d.getByLabel('Metadata value').fill('x'.repeat(70_000));
    await d.getByRole('button', { name: 'Save metadata' }).click();
    const error = d.getByRole('alert').filter({ hasText: 'Could not save metadata "blob"' });
    await expect(error).toBeVisible();
    await expect(error).toContainText('The change was undone.');
    await page.screenshot({ path: 'screenshots/drawer-write-refused.png' });
    await expect(d.getByRole('table', { name: 'Metadata' }).getByRole('row', { name: /blob/ })).toHaveCount(
      0,
    );
    expect((await annotations(server, id)).metadata).toEqual({ env: 'prod' });
    // What was typed is given back for another try.
    await expect(d.getByLabel('Metadata key')).toHaveValue('blob');
    await d.getByRole('button', { name: 'Dismiss' }).click();
    await expect(error).toBeHidden();

    // A request deleted behind the drawer's back: the score shows, then goes away with an error.
    await d.getByLabel('Score value').fill('90');
    const del = await server.api('/api/requests?tag=to-delete', { method: 'DELETE' });
    expect(del.status).toBe(200);
    await d.getByRole('button', { name: 'Save score' }).click();
    await expect(
      d.getByRole('alert').filter({ hasText: 'Could not set score "default" to 90' }),
    ).toBeVisible();
    await expect(d.getByRole('list', { name: 'Scores' })).not.toContainText('90');
  });
});
