import { logBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const HOUR = 3_600_000;
const N = 40;

/** One request every three hours over five days, every fifth an error; start times in ms. */
function seeded(now: number) {
  return Array.from({ length: N }, (_, i) => {
    const start = now - (N - i) * 3 * HOUR;
    return {
      start,
      body: logBody({
        model: i % 2 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
        request_start_time: start / 1000,
        request_end_time: (start + 300 + i * 40) / 1000,
        price: 0.002,
        status: i % 5 === 4 ? 'ERROR' : 'SUCCESS',
        error_type: i % 5 === 4 ? 'PROVIDER_ERROR' : null,
      }),
    };
  });
}

test.describe('timeline above the table', () => {
  test('hover shows counts, dragging zooms the time filter, Back undoes it', async ({ page, server }) => {
    const requests = seeded(Date.now());
    await server.logMany(requests.map((r) => r.body));
    await page.goto(server.signInUrl());
    const table = new RequestsPage(page);
    await table.expectCountText(N);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText(`Charted: ${N} · 20.0% errors`)).toBeVisible();

    const plot = page.getByTestId('timeline-plot');
    const box = await plot.boundingBox();
    if (!box) throw new Error('timeline plot not laid out');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-readout')).toContainText('Requests');

    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=.*to=/);
    const params = new URL(page.url()).searchParams;
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    const inRange = requests.filter((r) => r.start >= from && r.start < to).length;
    expect(inRange).toBeGreaterThan(0);
    expect(inRange).toBeLessThan(N);
    await table.expectCountText(inRange);
    await expect(timeline.getByText(new RegExp(`^Charted: ${inRange} `))).toBeVisible();

    await page.goBack();
    await expect(page).not.toHaveURL(/from=/);
    await table.expectCountText(N);
  });

  test('follows the filters and switches to cost and p95 latency', async ({ page, server }) => {
    await server.logMany(seeded(Date.now()).map((r) => r.body));
    await page.goto(server.signInUrl());
    await page.goto(server.pageUrl('?status=ERROR'));
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText('Charted: 8 · 100.0% errors')).toBeVisible();

    await timeline.getByRole('button', { name: 'p95 latency' }).click();
    await expect(timeline.getByRole('button', { name: 'p95 latency' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const box = await page.getByTestId('timeline-plot').boundingBox();
    if (!box) throw new Error('timeline plot not laid out');
    await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-readout')).toContainText('p95 latency');

    await timeline.getByRole('button', { name: 'Cost' }).click();
    await expect(timeline.getByRole('button', { name: 'Cost' })).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Cost' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  test.describe('when the timeline fails', () => {
    test.use({ allowedConsoleErrors: [/503/] });
    test('says so and retries, while the table still works', async ({ page, server }) => {
      await server.logMany(seeded(Date.now()).map((r) => r.body));
      let fail = true;
      await page.route('**/api/requests/timeline**', (route) =>
        fail
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: '{"success":false,"error":"unavailable","message":"Store busy"}',
            })
          : route.continue(),
      );
      await page.goto(server.signInUrl());
      await new RequestsPage(page).expectCountText(N);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline.getByRole('alert')).toContainText('Could not load the timeline', {
        timeout: 20_000,
      });
      fail = false;
      await timeline.getByRole('button', { name: 'Retry' }).click();
      await expect(timeline.getByText(`Charted: ${N} ·`)).toBeVisible();
    });
  });
});
