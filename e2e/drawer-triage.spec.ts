import { chatBody, variedBodies } from '../server/testing/factories.ts';
import { drawer, tableRow } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

interface ListReply {
  rows: { id: number; scores: Record<string, number> }[];
  nextCursor: string | null;
}

test('j/k walk the filtered, sorted list across a page boundary', async ({ page, server }) => {
  await server.logMany(variedBodies(25));
  // Newest first, 10 rows a page: j from the 10th row needs page 2.
  const order = (await server.api<ListReply>('/api/requests?limit=100')).body.rows.map((row) => row.id);
  expect(order).toHaveLength(25);
  await page.goto(server.signInUrl(`/?limit=10&request=${order[8]}`));
  await expect(drawer(page, order[8] as number)).toBeVisible();
  for (const index of [9, 10, 11]) {
    await page.keyboard.press('j');
    await expect(drawer(page, order[index] as number)).toBeVisible();
  }
  // The table follows: the open request's row is on screen.
  await expect(tableRow(page, order[11] as number)).toBeInViewport();
  for (const index of [10, 9, 8]) {
    await page.keyboard.press('k');
    await expect(drawer(page, order[index] as number)).toBeVisible();
  }
  // The header buttons do the same.
  await drawer(page, order[8] as number)
    .getByRole('button', { name: 'Next request' })
    .click();
  await expect(drawer(page, order[9] as number)).toBeVisible();

  // With a filter and another sort, j follows that list (its order as the API gives it).
  const { body } = await server.api<ListReply>('/api/requests?meta.env=prod&sort=cost&order=asc&limit=100');
  const prodByCost = body.rows.map((row) => row.id);
  expect(prodByCost.length).toBeGreaterThan(8);
  await page.goto(server.pageUrl(`/?limit=5&meta.env=prod&sort=cost&order=asc&request=${prodByCost[3]}`));
  await expect(drawer(page, prodByCost[3] as number)).toBeVisible();
  for (const index of [4, 5, 6]) {
    await page.keyboard.press('j');
    await expect(drawer(page, prodByCost[index] as number)).toBeVisible();
  }
  // Moving with j/k does not pile up history entries.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=cost/);
});

test('j crosses a page boundary under a rolling time range (table and drawer share one list)', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(25));
  const order = (await server.api<ListReply>('/api/requests?limit=100')).body.rows.map((row) => row.id);
  await page.goto(server.signInUrl('/?limit=10&range=24h'));
  await expect(tableRow(page, order[0] as number)).toBeVisible();
  // Let the table mount first, then open a request from its second page: the drawer mounts later and
  // must still read the table's list, not a fresh one with a later `from`.
  await page.mouse.wheel(0, 2000);
  await tableRow(page, order[12] as number).click();
  await expect(drawer(page, order[12] as number)).toBeVisible();
  for (const index of [13, 14]) {
    await page.keyboard.press('j');
    await expect(drawer(page, order[index] as number)).toBeVisible();
  }
});

test('shortcuts never fire while typing', async ({ page, server }) => {
  const ids = await server.logMany(variedBodies(3));
  const id = ids[2] as number;
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  await expect(d.getByLabel('Metadata key')).toBeVisible();
  const before = (await server.api<{ scores: Record<string, number> }>(`/api/requests/${id}`)).body.scores;
  await page.keyboard.press('m');
  await expect(d.getByLabel('Metadata key')).toBeFocused();
  await page.keyboard.type('jk3c');
  await expect(d.getByLabel('Metadata key')).toHaveValue('jk3c');
  await expect(drawer(page, id)).toBeVisible();
  // Esc leaves the field first, then closes.
  await page.keyboard.press('Escape');
  await expect(d).toBeVisible();
  await expect(d.getByLabel('Metadata key')).not.toBeFocused();
  const after = (await server.api<{ scores: Record<string, number> }>(`/api/requests/${id}`)).body.scores;
  expect(after).toEqual(before);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
});

test('100 requests scored in a row from the keyboard all land', async ({ page, server }) => {
  // 100 rounds of key, state, j: about 1.2 s each with the machine at load 9, a fraction of that when quiet.
  test.setTimeout(300_000);
  const bodies = Array.from({ length: 100 }, (_, i) => chatBody(`triage ${i}`, `answer ${i}`));
  const ids = await server.logMany(bodies);
  const order = [...ids].reverse();
  const keys = ['1', '2', '3', '4', '5', '0'];
  const values: Record<string, number> = { '0': 0, '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 };
  await page.goto(server.signInUrl(`/?request=${order[0]}`));
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as number;
    const d = drawer(page, id);
    await expect(d).toBeVisible();
    const key = keys[i % keys.length] as string;
    await page.keyboard.press(key);
    await expect(d.getByRole('list', { name: 'Scores' })).toContainText(String(values[key]));
    if (i < order.length - 1) await page.keyboard.press('j');
  }
  await expect
    .poll(async () => {
      const { body } = await server.api<ListReply>('/api/requests?limit=200');
      return body.rows.filter((row) => row.scores.default !== undefined).length;
    })
    .toBe(100);
  const { body } = await server.api<ListReply>('/api/requests?limit=200');
  for (const row of body.rows) {
    const index = order.indexOf(row.id);
    expect(row.scores, `request ${row.id}`).toEqual({ default: values[keys[index % keys.length] as string] });
  }
  // The table followed the drawer down, and Esc hands focus to the last request's row.
  const last = tableRow(page, order[99] as number);
  await expect(last).toBeInViewport();
  await expect(last).toContainText(String(values[keys[99 % keys.length] as string]));
  await page.keyboard.press('Escape');
  await expect(last).toBeFocused();
});

test('a score filter and the table agree at once after a keyboard score', async ({ page, server }) => {
  const ids = await server.logMany([
    chatBody('keep', 'a', { score: 90, score_name: 'default' }),
    chatBody('drop', 'b', { score: 95, score_name: 'default' }),
  ]);
  const [keep, drop] = ids as [number, number];
  await page.goto(server.signInUrl(`/?score.default=80..&request=${drop}`));
  await expect(tableRow(page, keep)).toBeVisible();
  await expect(tableRow(page, drop)).toBeVisible();
  await expect(drawer(page, drop).getByRole('list', { name: 'Scores' })).toContainText('95');
  await page.keyboard.press('1');
  await expect(drawer(page, drop).getByRole('list', { name: 'Scores' })).toContainText('20');
  await expect(tableRow(page, drop)).toHaveCount(0);
  await expect(tableRow(page, keep)).toBeVisible();
  // The open request left the filtered list; j still moves on from where it was.
  await page.keyboard.press('j');
  await expect(drawer(page, keep)).toBeVisible();
});

test('the ? dialog lists the drawer shortcuts, and they stay quiet while it is open', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(variedBodies(3));
  const id = ids[1] as number;
  await page.goto(server.signInUrl(`/?request=${id}`));
  await expect(drawer(page, id).getByRole('region', { name: 'Summary' })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: /shortcuts/i });
  await expect(help).toBeVisible();
  for (const text of [
    'Open the next request in the list',
    'Set the default score to 20, 40, 60, 80, 100',
    'Set the default score to 0',
    "Copy the open request's ID",
  ])
    await expect(help).toContainText(text);
  await page.keyboard.press('j');
  await page.keyboard.press('5');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(drawer(page, id)).toBeVisible();
  const scores = (await server.api<{ scores: Record<string, number> }>(`/api/requests/${id}`)).body.scores;
  expect(scores.default).not.toBe(100);
});
