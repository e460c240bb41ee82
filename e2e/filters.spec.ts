import { type LogRequestBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const N = 30;

/** Ids (newest first) of the seeded requests whose body passes `keep`. */
function expected(
  ids: number[],
  bodies: LogRequestBody[],
  keep: (body: LogRequestBody, i: number) => boolean,
) {
  return ids.filter((_, i) => keep(bodies[i] as LogRequestBody, i)).reverse();
}

test.describe('filters narrow the rows and live in the URL', () => {
  let bodies: LogRequestBody[];
  let ids: number[];

  test.beforeEach(async ({ server }) => {
    bodies = variedBodies(N);
    ids = await server.logMany(bodies);
  });

  test('facets: model, provider, status, tags, prompt', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);

    await requests.toggleFacet('Model', 'gpt-4o-mini');
    let want = expected(ids, bodies, (b) => b.model === 'gpt-4o-mini');
    await requests.expectRowIds(want);
    await requests.expectCountText(want.length);
    expect(await requests.urlParams()).toEqual([['model', 'gpt-4o-mini']]);

    await requests.toggleFacet('Model', 'claude-sonnet-4');
    want = expected(ids, bodies, (b) => b.model !== 'gpt-4o');
    await requests.expectRowIds(want);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await requests.expectCountText(N);

    await requests.toggleFacet('Provider', 'anthropic');
    await requests.expectRowIds(expected(ids, bodies, (b) => b.provider === 'anthropic'));
    await page.getByRole('button', { name: 'Remove filter Provider: anthropic' }).click();
    await requests.expectCountText(N);

    await requests.toggleFacet('Status', 'Error');
    want = expected(ids, bodies, (b) => b.status === 'ERROR');
    await requests.expectRowIds(want);
    await expect(requests.rows.getByText('Error', { exact: true })).toHaveCount(want.length);
    await page.getByRole('button', { name: 'Clear all' }).click();

    await requests.toggleFacet('Tags', 'beta');
    await requests.expectRowIds(expected(ids, bodies, (b) => b.tags?.includes('beta') ?? false));
    await page.getByRole('button', { name: 'Clear all' }).click();

    await requests.toggleFacet('Prompt', 'weather');
    await requests.expectRowIds(expected(ids, bodies, (b) => b.prompt_name === 'weather'));
  });

  test('metadata key = value, several conditions AND-ed', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);

    await page.getByRole('button', { name: /^Metadata/ }).click();
    // Keys and then values autocomplete from the facets.
    await expect(page.locator('datalist option[value="user_id"]')).toHaveCount(1);
    await page.getByLabel('Filter metadata key').fill('env');
    await expect(page.locator('datalist option[value="staging"]')).toHaveCount(1);
    await expect(page.locator('datalist option[value="prod"]')).toHaveCount(1);
    await page.getByLabel('Filter metadata value').fill('staging');
    await page.getByRole('button', { name: 'Add metadata filter' }).click();
    await requests.expectRowIds(expected(ids, bodies, (b) => b.metadata?.env === 'staging'));
    expect(new URL(page.url()).searchParams.get('meta.env')).toBe('staging');

    await page.getByRole('button', { name: /^Metadata/ }).click();
    await page.getByLabel('Filter metadata key').fill('user_id');
    await page.getByLabel('Filter metadata value').fill('u-1');
    await page.getByRole('button', { name: 'Add metadata filter' }).click();
    const want = expected(ids, bodies, (b) => b.metadata?.env === 'staging' && b.metadata?.user_id === 'u-1');
    expect(want.length).toBeGreaterThan(0);
    await requests.expectRowIds(want);
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('user_id = u-1');
  });

  test('score name with min and max', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);
    await page.getByRole('button', { name: /^Score/ }).click();
    await expect(page.getByLabel('Filter score name')).toHaveValue('default');
    await page.getByLabel('Minimum score').fill('101');
    await page.getByRole('button', { name: 'Add score filter' }).click();
    await expect(page.getByRole('alert')).toHaveText('Scores are whole numbers from 0 to 100.');
    await page.getByLabel('Minimum score').fill('30');
    await page.getByLabel('Maximum score').fill('70');
    await page.getByRole('button', { name: 'Add score filter' }).click();
    const want = expected(ids, bodies, (b) => (b.score ?? -1) >= 30 && (b.score ?? -1) <= 70);
    await requests.expectRowIds(want);
    await requests.expectCountText(want.length);
    expect(new URL(page.url()).searchParams.get('score.default')).toBe('30..70');
  });

  test('full-text search and time presets', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);
    await requests.search.fill('zebra');
    const zebras = expected(ids, bodies, (_, i) => i % 7 === 3);
    await requests.expectRowIds(zebras);
    expect(new URL(page.url()).searchParams.get('q')).toBe('zebra');
    await requests.search.fill('');
    await requests.expectCountText(N);

    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('button', { name: '15 min' }).click();
    // The seed spaces requests one minute apart ending 30 s ago: 15 of them are in the last 15 minutes.
    const recent = expected(
      ids,
      bodies,
      (b) => Date.parse(String(b.request_start_time)) > Date.now() - 15 * 60_000,
    );
    expect(recent).toHaveLength(15);
    await requests.expectRowIds(recent);
    expect(new URL(page.url()).searchParams.get('range')).toBe('15m');

    await page.getByRole('button', { name: 'Last 15 min', exact: true }).click();
    await page.getByRole('button', { name: '1 h', exact: true }).click();
    await requests.expectCountText(N);
  });

  test('custom time range', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);
    const from = Date.parse(String(bodies[10]?.request_start_time)) - 1000;
    const to = Date.parse(String(bodies[19]?.request_start_time)) + 1000;
    const local = (ms: number) =>
      page.evaluate((value) => {
        const date = new Date(value);
        date.setSeconds(0, 0);
        return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      }, ms);
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByLabel('From (local time)').fill(await local(from));
    await page.getByLabel('To (local time)').fill(await local(to + 60_000));
    await page.getByRole('button', { name: 'Apply range' }).click();
    // Minute precision: the window covers whole minutes around requests 10..19.
    const fromMinute = Math.floor(from / 60_000) * 60_000;
    const toMinute = Math.floor((to + 60_000) / 60_000) * 60_000;
    const want = expected(ids, bodies, (b) => {
      const start = Date.parse(String(b.request_start_time));
      return start >= fromMinute && start < toMinute;
    });
    await requests.expectRowIds(want);
    expect(new URL(page.url()).searchParams.get('from')).toBe(new Date(fromMinute).toISOString());
  });

  test('the URL round-trips the view through reload and back/forward', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(N);
    await requests.toggleFacet('Model', 'gpt-4o');
    const gpt4o = expected(ids, bodies, (b) => b.model === 'gpt-4o');
    await requests.expectRowIds(gpt4o);
    await requests.toggleFacet('Tags', 'e2e');
    await page.getByRole('columnheader', { name: /Cost/ }).getByRole('button').click();
    const byCostAsc = gpt4o
      .map((id) => ({ id, cost: bodies[ids.indexOf(id)]?.price ?? 0 }))
      .sort((a, b) => b.cost - a.cost)
      .map((r) => r.id);
    await requests.expectRowIds(byCostAsc);
    const params = await requests.urlParams();
    expect(params).toEqual([
      ['model', 'gpt-4o'],
      ['sort', 'cost'],
      ['tag', 'e2e'],
    ]);

    await page.reload();
    await requests.expectRowIds(byCostAsc);
    expect(await requests.urlParams()).toEqual(params);
    await expect(page.getByRole('columnheader', { name: /Cost/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Model: gpt-4o');

    await page.goBack();
    await requests.expectRowIds(
      expected(ids, bodies, (b) => b.model === 'gpt-4o' && (b.tags ?? []).includes('e2e')),
    );
    await page.goBack();
    await page.goBack();
    await requests.expectCountText(N);
    await page.goForward();
    await requests.expectRowIds(gpt4o);

    // A pasted link restores the same view in a fresh page.
    const fresh = await page.context().newPage();
    await fresh.goto(server.pageUrl('/?model=gpt-4o&tag=e2e&sort=cost'));
    await new RequestsPage(fresh).expectRowIds(byCostAsc);
    await fresh.close();
  });

  test('no results offers to clear filters', async ({ page, server }) => {
    await page.goto(server.signInUrl('/?meta.env=nowhere'));
    await expect(page.getByRole('heading', { name: 'No requests match these filters' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await new RequestsPage(page).expectCountText(N);
    expect(new URL(page.url()).search).toBe('');
  });
});
