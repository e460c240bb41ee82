import {
  completionBody,
  DATA_PNG,
  drawer,
  everyBlockBody,
  hugeTextBody,
  longConversationBody,
  XSS,
  xssBody,
} from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

test('renders every content block type, tool calls joined to results, tools and parameters', async ({
  page,
  server,
}) => {
  const id = await server.log(everyBlockBody(server.url));
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const input = d.getByRole('region', { name: 'Input' });
  await expect(input.getByRole('article')).toHaveCount(5); // the tool message is shown under its call, not on its own
  await page.screenshot({ path: 'screenshots/drawer-light.png' });
  await expect(input.getByRole('article', { name: 'input message 1: system' })).toContainText(
    'System prompt here.',
  );
  await expect(input.getByRole('article', { name: 'input message 2: developer' })).toContainText(
    'Developer note.',
  );

  const user = input.getByRole('article', { name: 'input message 3: user' });
  // Whitespace is kept, not collapsed.
  expect(
    await user
      .locator('.bp-text')
      .first()
      .evaluate((el) => getComputedStyle(el).whiteSpace),
  ).toBe('pre-wrap');
  expect(await user.locator('.bp-text').first().textContent()).toBe(
    'Line one\n    indented line\n\ttabbed line',
  );
  const images = user.getByRole('img');
  await expect(images).toHaveCount(2);
  await expect(images.nth(0)).toHaveAttribute('src', `${server.url}/favicon.svg`);
  await expect(images.nth(0)).toHaveAttribute('loading', 'lazy');
  await expect(images.nth(1)).toHaveAttribute('src', DATA_PNG);
  await expect(user).toContainText('print("hello")');
  await expect(user).toContainText('python');
  await expect(user.getByRole('link', { name: 'https://example.com/report.pdf' })).toHaveAttribute(
    'rel',
    'noopener noreferrer nofollow',
  );

  const assistant = input.getByRole('article', { name: 'input message 4: assistant' });
  const thinking = assistant.locator('details.bp-thinking');
  await expect(thinking).not.toHaveAttribute('open');
  await expect(assistant.getByText('Secret chain of thought.')).toBeHidden();
  await thinking.locator('summary').click();
  await expect(assistant.getByText('Secret chain of thought.')).toBeVisible();
  const call = assistant.getByRole('region', { name: 'Tool call get_weather' });
  await expect(call).toContainText('"location": "Paris"');
  // The tool's answer is shown once, in full, under its call, not again as its own message.
  await expect(call.getByRole('region', { name: 'Result of get_weather' })).toContainText(
    '{"temperature": 18}',
  );
  await expect(assistant.getByRole('region', { name: 'Tool call broken_args' })).toContainText(
    'Arguments are not valid JSON',
  );
  await expect(input.getByRole('article', { name: 'input message 5: tool' })).toHaveCount(0);
  await expect(d.getByText('{"temperature": 18}')).toHaveCount(1);
  const provider = input.getByRole('article', { name: 'input message 6: assistant' });
  await expect(provider).toContainText('server_tool_use block');
  await expect(provider).toContainText('"query": "paris weather"');
  await expect(provider).toContainText('web_search_tool_result block');

  const output = d.getByRole('region', { name: 'Output' });
  await expect(output).toContainText('It is 18 degrees in Paris.');
  await expect(output.getByRole('img')).toHaveAttribute('src', DATA_PNG);

  const tools = d.getByRole('region', { name: 'Tools (2)' });
  await expect(tools).toContainText('get_weather');
  await expect(tools).toContainText('Get current weather for a city');
  await expect(tools).toContainText('web_search_20250305 (built-in)');
  const params = d.getByRole('region', { name: 'Model parameters' });
  await expect(params).toContainText('temperature');
  await expect(params).toContainText('"budget_tokens": 512');

  const summary = d.getByRole('region', { name: 'Summary' });
  for (const text of [
    'anthropic',
    'claude-sonnet-4',
    'anthropic.messages.create',
    'messages',
    'kitchen-sink',
    'v7',
  ])
    await expect(summary).toContainText(text);
  await expect(summary).toContainText('city = Paris');

  await d.getByRole('button', { name: 'Show raw JSON' }).click();
  await expect(d.getByRole('region', { name: 'Raw JSON' })).toContainText(
    '"functionName": "anthropic.messages.create"',
  );
  await page.screenshot({ path: 'screenshots/drawer-light-bottom.png' });
});

test('renders completion prompts and shows the error prominently', async ({ page, server }) => {
  const id = await server.log(completionBody());
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  await expect(d.getByRole('article', { name: 'input completion prompt' })).toContainText('Say hello');
  await expect(d.getByRole('article', { name: 'output completion prompt' })).toContainText('(empty)');
  const error = d.getByRole('region', { name: 'Error', exact: true });
  await expect(error).toContainText('PROVIDER_TIMEOUT');
  await expect(error).toContainText('Request timed out after 30 seconds');
  await expect(d.getByText('Error', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'screenshots/drawer-status-error.png' });
});

test('hostile payloads stay inert text', async ({ page, server }) => {
  const id = await server.log(xssBody());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  await expect(d.getByRole('region', { name: 'Input' })).toContainText(XSS.script);
  await expect(d.getByRole('region', { name: 'Tags' })).toContainText(XSS.img);
  await expect(d.getByRole('table', { name: 'Metadata' })).toContainText(XSS.script);
  await expect(d.getByRole('region', { name: 'Error', exact: true })).toContainText(XSS.script);
  await d.getByRole('button', { name: 'Show raw JSON' }).click();
  // Give any injected handler the chance to run.
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await expect(d.locator('script')).toHaveCount(0);
  await expect(d.locator('img')).toHaveCount(0);
  await expect(d.locator('[onerror]')).toHaveCount(0);
  await expect(d.locator('a[href^="javascript"], [src^="javascript"], [src^="data:text"]')).toHaveCount(0);
  await expect(d.getByText(XSS.url).first()).toBeVisible();
});

test('a 5 MB message opens collapsed and expands on demand', async ({ page, server }) => {
  const id = await server.log(hugeTextBody());
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const user = d.getByRole('article', { name: 'input message 2: user' });
  await expect(user).toContainText('HUGE-START');
  const more = user.getByRole('button', { name: /^Show more \(/ });
  await expect(more).toBeVisible();
  const shown = await user
    .locator('.bp-text')
    .first()
    .evaluate((el) => el.textContent?.length ?? 0);
  expect(shown).toBeLessThan(10_000);
  await page.screenshot({ path: 'screenshots/drawer-long-collapsed.png' });
  await more.click();
  await expect
    .poll(() =>
      user
        .locator('.bp-text')
        .first()
        .evaluate((el) => el.textContent?.length ?? 0),
    )
    .toBeGreaterThan(100_000);
  await page.screenshot({ path: 'screenshots/drawer-long-expanded.png' });
});

test('a 2,000-message conversation renders incrementally as it scrolls', async ({ page, server }) => {
  const id = await server.log(longConversationBody(2000));
  await page.goto(server.signInUrl(`/?request=${id}`));
  const d = drawer(page, id);
  const input = d.getByRole('region', { name: 'Input' });
  await expect(input.getByRole('article').first()).toContainText('Turn 1:');
  const initial = await input.getByRole('article').count();
  expect(initial).toBeLessThan(100);
  await input.getByRole('button', { name: /Show more messages/ }).scrollIntoViewIfNeeded();
  await expect.poll(() => input.getByRole('article').count()).toBeGreaterThan(initial);
});

test.describe('looks', () => {
  test('dark theme and a narrow window', async ({ page, server }) => {
    const id = await server.log(everyBlockBody(server.url));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.signInUrl(`/?request=${id}`));
    const d = drawer(page, id);
    await expect(d.getByRole('region', { name: 'Summary' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'screenshots/drawer-dark.png' });
    await page.setViewportSize({ width: 768, height: 900 });
    await expect(d).toBeVisible();
    const box = await d.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(768);
    await page.screenshot({ path: 'screenshots/drawer-narrow.png' });
  });
});
