import { readFile } from 'node:fs/promises';
import { chatBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

/** Counts CSV records (RFC 4180: quoted fields may hold newlines and doubled quotes). */
function countCsvRecords(text: string): number {
  let records = 0;
  let inQuotes = false;
  let sawContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inQuotes = false;
    } else if (ch === '"') {
      inQuotes = true;
      sawContent = true;
    } else if (ch === '\n') {
      if (sawContent) records++;
      sawContent = false;
    } else if (ch !== '\r') {
      sawContent = true;
    }
  }
  return records + (sawContent ? 1 : 0);
}

test('the live banner appears when a new request is logged and brings it in', async ({ page, server }) => {
  await server.logMany(variedBodies(5));
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(5);
  const before = await requests.rowIds();

  const newId = await server.log(chatBody('A brand new question', 'A brand new answer'));
  const banner = page.getByRole('button', { name: '1 new request' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  // Rows did not move under the cursor.
  expect(await requests.rowIds()).toEqual(before);
  await banner.click();
  await requests.expectRowIds([newId, ...before]);
  await expect(banner).toHaveCount(0);
  await requests.expectCountText(6);
});

test('the live banner respects the filter', async ({ page, server }) => {
  await server.logMany(variedBodies(3));
  await page.goto(server.signInUrl('/?model=claude-sonnet-4'));
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(1);
  await server.log(chatBody('not matching', 'x', { model: 'gpt-4o' }));
  await server.log(chatBody('matching', 'y', { model: 'claude-sonnet-4', provider: 'anthropic' }));
  await expect(page.getByRole('button', { name: '1 new request' })).toBeVisible({ timeout: 15_000 });
});

test('export downloads every matching row as JSONL and CSV', async ({ page, server }) => {
  const bodies = variedBodies(160);
  await server.logMany(bodies);
  const matching = bodies.filter((b) => b.metadata?.env === 'prod' && b.status !== 'ERROR').length;
  await page.goto(server.signInUrl('/?meta.env=prod&status=SUCCESS'));
  const requests = new RequestsPage(page);
  await requests.expectCountText(matching);
  expect(matching).toBeGreaterThan(50); // more than one page of the table

  for (const format of ['JSONL', 'CSV'] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: `Export ${format}` }).click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    if (format === 'JSONL') {
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(matching);
      for (const line of lines) {
        const row = JSON.parse(line) as { metadata: Record<string, string>; status: string };
        expect(row.metadata.env).toBe('prod');
        expect(row.status).toBe('SUCCESS');
      }
    } else {
      expect(countCsvRecords(text)).toBe(matching + 1); // + header
    }
  }
});

test('a back-dated log is not "new": the banner counts what would appear at the top, and brings exactly that', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(5));
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(5);
  const before = await requests.rowIds();
  const hourAgo = Date.now() - 3_600_000 * 24;
  await server.log(
    chatBody('logged late, started yesterday', 'old', {
      request_start_time: new Date(hourAgo).toISOString(),
      request_end_time: new Date(hourAgo + 1000).toISOString(),
    }),
  );
  const fresh = await server.log(chatBody('truly new', 'new'));
  const banner = page.getByRole('button', { name: '1 new request' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await banner.click();
  await expect.poll(async () => (await requests.rowIds()).slice(0, 6)).toEqual([fresh, ...before]);
  await expect(page.getByRole('button', { name: /new request/ })).toHaveCount(0);
});

test('sorted by anything but newest first, new requests say the list was updated, and refresh it', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(5));
  await page.goto(server.signInUrl('/?sort=cost&order=desc'));
  const requests = new RequestsPage(page);
  await expect(requests.rows).toHaveCount(5);
  const fresh = await server.log(chatBody('expensive', 'x', { price: 99 }));
  const banner = page.getByRole('button', { name: 'List updated: refresh' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /new request/ })).toHaveCount(0);
  await banner.click();
  await expect.poll(async () => (await requests.rowIds())[0]).toBe(fresh);
  await expect(banner).toHaveCount(0);
});
