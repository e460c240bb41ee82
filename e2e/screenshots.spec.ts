/**
 * Screenshots of every state of the dashboard, saved under screenshots/ (gitignored) for a human
 * to look at. Each test also asserts the state it photographs, so it cannot pass on a blank page.
 */

import { chatBody, variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';

const shot = (name: string) => ({ path: `screenshots/table-${name}.png` });

test.describe('screenshots', () => {
  test('light and dark, 1440 and 768 px', async ({ page, server }) => {
    await server.logMany(variedBodies(40));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.signInUrl());
    await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr').first()).toBeVisible();
    await page.screenshot(shot('light'));
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot(shot('dark'));
    await page.setViewportSize({ width: 768, height: 900 });
    await page.screenshot(shot('dark-768'));
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.screenshot(shot('light-768'));
  });

  test('filters open with chips', async ({ page, server }) => {
    await server.logMany(variedBodies(40));
    await page.goto(
      server.signInUrl('/?model=gpt-4o&meta.env=prod&score.default=20..90&range=30d&q=Question'),
    );
    await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr').first()).toBeVisible();
    await page.getByRole('button', { name: /^Model/ }).click();
    await expect(page.getByRole('checkbox', { name: 'gpt-4o', exact: true })).toBeChecked();
    await page.screenshot(shot('filters'));
  });

  test('sign-in form', async ({ page, server }) => {
    await page.goto(server.pageUrl());
    await expect(page.getByLabel('API key')).toBeVisible();
    await page.screenshot(shot('sign-in'));
  });

  test('shortcuts dialog and columns menu', async ({ page, server }) => {
    await server.logMany(variedBodies(10));
    await page.goto(server.signInUrl());
    await expect(
      page.getByRole('table', { name: 'Requests', exact: true }).locator('tbody tr').first(),
    ).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.screenshot(shot('shortcuts'));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Columns' }).click();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Input' })).toBeVisible();
    await page.screenshot(shot('columns-menu'));
  });

  test('empty database (onboarding)', async ({ page, server }) => {
    await page.goto(server.signInUrl());
    await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
    await page.screenshot(shot('empty'));
  });

  test('loading', async ({ page, server }) => {
    await server.log(chatBody('hello', 'hi'));
    await page.route('**/api/requests?*', () => {});
    await page.route('**/api/requests', () => {});
    await page.goto(server.signInUrl());
    await expect(page.getByRole('table', { name: 'Requests (loading)' })).toBeVisible();
    await page.screenshot(shot('loading'));
  });

  test.describe('error', () => {
    test.use({ allowedConsoleErrors: [/500/] });
    test('error with retry', async ({ page, server }) => {
      await server.log(chatBody('hello', 'hi'));
      const fail = (route: import('@playwright/test').Route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ success: false, error: 'internal', message: 'Internal server error' }),
        });
      await page.route('**/api/requests?*', fail);
      await page.route('**/api/requests', fail);
      await page.goto(server.signInUrl());
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 15_000 });
      await page.screenshot(shot('error'));
    });
  });

  test('long content', async ({ page, server }) => {
    const long = 'A very long prompt that keeps going '.repeat(40);
    await server.logMany([
      chatBody(long, long, {
        tags: Array.from({ length: 12 }, (_, i) => `a-rather-long-tag-${i}`),
        metadata: { user_id: 'x'.repeat(300) },
        prompt_name: 'an-extremely-long-prompt-template-name-that-will-not-fit',
        prompt_version_number: 12,
        model: 'some-provider/a-very-long-model-name-2025-01-01-preview',
        score: 88,
        score_name: 'helpfulness-according-to-reviewers',
      }),
      chatBody('<script>alert(1)</script><img src=x onerror=alert(2)>', '**markdown** `code`', {
        status: 'ERROR',
        error_type: 'PROVIDER_ERROR',
        error_message: 'boom',
      }),
    ]);
    await page.goto(server.signInUrl());
    await expect(page.getByRole('table', { name: 'Requests' }).locator('tbody tr')).toHaveCount(2);
    await expect(page.getByText('<script>alert(1)</script>', { exact: false }).first()).toBeVisible();
    await page.screenshot(shot('long-content'));
  });
});
