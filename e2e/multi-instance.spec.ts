/**
 * Two Promptlog processes on one PostgreSQL (issue 5): requests logged through one instance show
 * up in the other's dashboard, on load and through the live "new requests" banner. Needs
 * TEST_DATABASE_URL (CI sets it); skipped, saying so, without it.
 */
import { type ServerProcess, startServerProcess } from '../server/store/postgres/testing/server-process.ts';
import {
  createTestSchema,
  SKIP_REASON,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../server/store/postgres/testing/test-database.ts';
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';

const KEY = 'multi-instance-e2e-key-0123456789';

test.describe('multi-instance on PostgreSQL', () => {
  test.skip(!TEST_DATABASE_URL, SKIP_REASON);

  let schema: TestSchema;
  let a: ServerProcess;
  let b: ServerProcess;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    schema = await createTestSchema();
    [a, b] = await Promise.all([
      startServerProcess({ databaseUrl: schema.url, apiKey: KEY }),
      startServerProcess({ databaseUrl: schema.url, apiKey: KEY }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
  });

  async function log(base: string, question: string): Promise<number> {
    const response = await fetch(`${base}/log-request`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody(question, `answer to ${question}`)),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: number }).id;
  }

  test('each dashboard shows what was logged through the other, including live', async ({ page }) => {
    const ids = [
      await log(a.url, 'Logged through instance A, first'),
      await log(b.url, 'Logged through instance B, first'),
      await log(a.url, 'Logged through instance A, second'),
      await log(b.url, 'Logged through instance B, second'),
    ];

    for (const base of [a.url, b.url]) {
      await page.goto(`${base}/#key=${KEY}`);
      const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
      await expect(rows).toHaveCount(ids.length);
      await expect(rows.first()).toHaveAttribute('data-row-id', String(ids.at(-1)));
      await expect(rows.first()).toContainText('instance B, second');
    }

    // Now on B's dashboard: a request logged through A arrives through the live probe.
    const fresh = await log(a.url, 'Logged through instance A while B was watching');
    const banner = page.getByRole('button', { name: /new request/i });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await banner.click();
    const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
    await expect(rows.first()).toHaveAttribute('data-row-id', String(fresh));
    await expect(rows.first()).toContainText('while B was watching');
  });
});
