import { mkdirSync } from 'node:fs';
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

const SHOTS = process.env.PROMPTLOG_SHOTS_DIR;

test.describe('search in every language', () => {
  test('finds substrings in any script and marks them in the row preview, as text', async ({
    page,
    server,
  }) => {
    const ids = await server.logMany([
      chatBody('请告诉我北京明天的天气预报', '北京明天晴。'),
      chatBody('東京の天気を教えてください', 'プロンプトの例'),
      chatBody('call get_weather_v2 for <b>Paris</b> <script>window.pwned=1</script>', 'ok'),
      chatBody(`${'long context '.repeat(40)} session 9c28f3a1 ends here`, 'done'),
      chatBody('สวัสดีครับ วันนี้อากาศดีมาก', 'ใช่ครับ'),
    ]);
    await page.goto(server.signInUrl());
    const requests = new RequestsPage(page);
    await requests.expectCountText(ids.length);

    const cases: [string, number, string][] = [
      ['天气预报', ids[0] as number, '天气预报'],
      ['ロンプト', ids[1] as number, 'ロンプト'],
      ['weather', ids[2] as number, 'weather'],
      ['8F3A', ids[3] as number, '8f3a'],
      ['อากาศ', ids[4] as number, 'อากาศ'],
    ];
    for (const [q, id, marked] of cases) {
      await requests.search.fill(q);
      await requests.expectRowIds([id]);
      await expect(requests.rows.locator('mark.match')).toHaveText([marked]);
    }
    // The match deep in a long text is shown around the match, not from the start.
    await requests.search.fill('8f3a');
    await expect(requests.rows.locator('.preview').first()).toContainText('…');

    await requests.search.fill('script');
    await requests.expectRowIds([ids[2] as number]);
    await expect(requests.rows.locator('mark.match')).toHaveText(['script']);
    await expect(requests.rows.locator('b, script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await requests.search.fill('天气预报');
        await requests.expectRowIds([ids[0] as number]);
        await page.screenshot({ path: `${SHOTS}/search-${scheme}.png` });
      }
      await page.setViewportSize({ width: 800, height: 600 });
      await requests.search.fill('8f3a');
      await requests.expectRowIds([ids[3] as number]);
      await page.screenshot({ path: `${SHOTS}/search-narrow.png` });
    }
  });
});
