/**
 * Richer filters (issue #13 item 6) from the filter bar: a facet value's "not" toggle, metadata ≠,
 * contains, exists and does not exist, and numeric conditions; each narrows the rows, lands in the
 * URL, and the URL opened in a new browser context shows the same rows. Screenshots go to
 * /tmp/shots-filters/.
 */
import { mkdirSync } from 'node:fs';
import { type LogRequestBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const SHOTS = '/tmp/shots-filters';
mkdirSync(SHOTS, { recursive: true });
const N = 30;

function expected(
  ids: number[],
  bodies: LogRequestBody[],
  keep: (body: LogRequestBody, i: number) => boolean,
) {
  return ids.filter((_, i) => keep(bodies[i] as LogRequestBody, i)).reverse();
}

const latencyOf = (i: number) => 100 + i * 10;

test('each richer condition from the filter bar narrows the rows, lives in the URL and reopens', async ({
  page,
  server,
  browser,
}) => {
  const bodies = variedBodies(N);
  const ids = await server.logMany(bodies);
  await page.goto(server.signInUrl());
  const requests = new RequestsPage(page);
  await requests.expectCountText(N);
  const param = (name: string) => new URL(page.url()).searchParams.getAll(name);

  // "not" on a facet value, by keyboard.
  await page.getByRole('button', { name: /^Model/ }).click();
  await page.getByRole('button', { name: 'Not gpt-4o', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Not gpt-4o', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: `${SHOTS}/facet-not-light.png` });
  await page.keyboard.press('Escape');
  let want = expected(ids, bodies, (b) => b.model !== 'gpt-4o');
  await requests.expectRowIds(want);
  await requests.expectCountText(want.length);
  expect(param('not.model')).toEqual(['gpt-4o']);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Model: not gpt-4o');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await requests.expectCountText(N);

  const addMetadata = async (key: string, condition: string, value?: string) => {
    await page.getByRole('button', { name: /^Metadata/ }).click();
    await page.getByLabel('Filter metadata key').fill(key);
    await page.getByLabel('Metadata condition').selectOption({ label: condition });
    if (value !== undefined) await page.getByLabel('Filter metadata value').fill(value);
    await page.getByRole('button', { name: 'Add metadata filter' }).click();
  };

  await addMetadata('env', '≠ does not equal', 'staging');
  await requests.expectRowIds(expected(ids, bodies, (b) => b.metadata?.env !== 'staging'));
  expect(param('not.meta.env')).toEqual(['staging']);
  await page.getByRole('button', { name: 'Clear all' }).click();

  await addMetadata('user_id', 'contains', 'U-1');
  await requests.expectRowIds(expected(ids, bodies, (b) => b.metadata?.user_id === 'u-1'));
  expect(param('meta_contains.user_id')).toEqual(['U-1']);
  await page.getByRole('button', { name: 'Clear all' }).click();

  await addMetadata('env', 'exists');
  await requests.expectCountText(N);
  expect(param('has_meta')).toEqual(['env']);
  await addMetadata('env', 'does not exist');
  await requests.expectCountText(0);
  expect(param('no_meta')).toEqual(['env']);
  await page.getByRole('button', { name: 'Clear all' }).click();

  // Numbers: a wrong amount is refused in the form; latency > 250 ms.
  await page.getByRole('button', { name: /^Numbers/ }).click();
  await page.getByLabel('Number to compare').selectOption({ label: 'Latency (ms)' });
  await page.getByLabel('Comparison').selectOption({ label: '>' });
  await page.getByLabel('Amount').fill('2.5');
  await page.getByRole('button', { name: 'Add number filter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a whole number, e.g. 1000.');
  await page.screenshot({ path: `${SHOTS}/numbers-error-light.png` });
  await page.getByLabel('Amount').fill('250');
  await page.getByRole('button', { name: 'Add number filter' }).click();
  want = expected(ids, bodies, (_, i) => latencyOf(i) > 250);
  await requests.expectRowIds(want);
  expect(param('latency')).toEqual(['gt:250']);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Latency (ms) > 250');

  // Several together, then the URL in a new context.
  await page.getByRole('button', { name: /^Model/ }).click();
  await page.getByRole('button', { name: 'Not claude-sonnet-4', exact: true }).click();
  await page.keyboard.press('Escape');
  await addMetadata('user_id', 'contains', 'u-');
  want = expected(ids, bodies, (b, i) => latencyOf(i) > 250 && b.model !== 'claude-sonnet-4');
  expect(want.length).toBeGreaterThan(0);
  await requests.expectRowIds(want);
  await page.screenshot({ path: `${SHOTS}/combined-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/combined-dark.png` });
  await page.setViewportSize({ width: 800, height: 700 });
  await page.screenshot({ path: `${SHOTS}/combined-800-dark.png` });
  await page.getByRole('button', { name: /^Metadata/ }).click();
  await page.getByLabel('Metadata condition').selectOption({ label: 'contains' });
  await page.screenshot({ path: `${SHOTS}/metadata-popover-800-dark.png` });
  await page.keyboard.press('Escape');

  const search = new URL(page.url()).search;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (error) => errors.push(error.message));
  other.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await other.goto(server.signInUrl(search));
  await new RequestsPage(other).expectRowIds(want);
  await other.emulateMedia({ colorScheme: 'light' });
  await other.screenshot({ path: `${SHOTS}/reopened-light.png` });
  expect(errors).toEqual([]);
  await context.close();
});
