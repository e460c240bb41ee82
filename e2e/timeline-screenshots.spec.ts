/**
 * Screenshots of the timeline's states (light, dark, 800 px, hover, brushing, latency, empty,
 * loading, error) under $SHOTS_DIR (default screenshots/, gitignored), each asserting what it shows.
 */
import { logBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';

const dir = process.env.SHOTS_DIR ?? 'screenshots';
const shot = (name: string) => ({ path: `${dir}/timeline-${name}.png` });
const HOUR = 3_600_000;

function history(now: number) {
  return Array.from({ length: 300 }, (_, i) => {
    const start = now - i * 0.37 * HOUR - (i % 7) * 600_000;
    const error = i % 11 === 0 || (i > 100 && i < 120);
    return logBody({
      model: i % 3 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
      request_start_time: start / 1000,
      request_end_time: (start + 400 + (i % 13) * 250) / 1000,
      price: 0.001 * (1 + (i % 5)),
      status: error ? 'ERROR' : i % 17 === 0 ? 'WARNING' : 'SUCCESS',
      error_type: error ? 'PROVIDER_ERROR' : null,
    });
  });
}

test.describe('timeline screenshots', () => {
  test('states', async ({ page, server }) => {
    await server.logMany(history(Date.now()));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.signInUrl());
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText(/^Charted: 300 /)).toBeVisible();
    await page.screenshot(shot('light'));
    const box = await page.getByTestId('timeline-plot').boundingBox();
    if (!box) throw new Error('no plot');
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-readout')).toBeVisible();
    await page.screenshot(shot('hover'));
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2, { steps: 5 });
    await page.screenshot(shot('brushing'));
    await page.mouse.up();
    await expect(page).toHaveURL(/from=/);
    await page.screenshot(shot('zoomed'));
    await page.goBack();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(timeline.getByText(/^Charted: 300 /)).toBeVisible();
    await page.screenshot(shot('dark'));
    await timeline.getByRole('button', { name: 'p95 latency' }).click();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await expect(page.getByTestId('timeline-readout')).toContainText('p95');
    await page.screenshot(shot('dark-latency'));
    await page.setViewportSize({ width: 800, height: 900 });
    await timeline.getByRole('button', { name: 'Requests' }).click();
    await page.mouse.move(0, 0);
    await page.screenshot(shot('dark-800'));
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.screenshot(shot('light-800'));
    await page.goto(server.pageUrl('?model=nope'));
    await expect(timeline.getByText('No requests in this range')).toBeVisible();
    await page.screenshot(shot('empty'));
  });

  test('loading', async ({ page, server }) => {
    await server.logMany(variedBodies(20));
    await page.route('**/api/requests/timeline**', () => {});
    await page.goto(server.signInUrl());
    await expect(page.getByRole('progressbar', { name: 'Loading the timeline' })).toBeVisible();
    await page.screenshot(shot('loading'));
  });

  test.describe('error', () => {
    test.use({ allowedConsoleErrors: [/503/] });
    test('error', async ({ page, server }) => {
      await server.logMany(variedBodies(20));
      await page.route('**/api/requests/timeline**', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"success":false,"error":"unavailable","message":"Store busy"}',
        }),
      );
      await page.goto(server.signInUrl());
      await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('alert')).toBeVisible({
        timeout: 20_000,
      });
      await page.screenshot(shot('error'));
    });
  });
});
