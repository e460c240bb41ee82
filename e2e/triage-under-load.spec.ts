/**
 * Issue #8 item 5: under a slow network and a slow CPU, a score key applies to the request whose
 * ID the drawer header shows at the moment of the key press: never the previous one, never dropped.
 */

import { chatBody } from '../server/testing/factories.ts';
import { drawer } from './drawer-support.ts';
import { expect, test } from './fixtures.ts';

interface ListReply {
  rows: { id: number; scores: Record<string, number> }[];
}

declare global {
  interface Window {
    __scoreKeys: { key: string; header: string }[];
  }
}

const VALUES: Record<string, number> = { '0': 0, '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 };

test('j then a digit, as fast as a person types, on a throttled machine: every score lands on the request the header showed', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const ids = await server.logMany(
    Array.from({ length: 40 }, (_, i) => chatBody(`load ${i}`, `answer ${i}`)),
  );
  const newest = ids.at(-1) as number;
  // Registered before the app's own listeners: records what the header says as each digit goes down.
  await page.addInitScript(() => {
    window.__scoreKeys = [];
    window.addEventListener(
      'keydown',
      (event) => {
        if (!/^[0-5]$/.test(event.key)) return;
        const header = document.querySelector('[role="dialog"] h2')?.textContent ?? '';
        window.__scoreKeys.push({ key: event.key, header });
      },
      true,
    );
  });
  // Five rows a page: every fifth j has to load the next page first (an async switch).
  await page.goto(server.signInUrl(`/?limit=5&request=${newest}`));
  await expect(drawer(page, newest)).toBeVisible();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 300,
    downloadThroughput: 200_000,
    uploadThroughput: 100_000,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });

  const keys = ['3', '5', '1', '4', '0', '2'];
  for (let i = 0; i < 24; i++) {
    // A person's key cadence: each key held a few tens of milliseconds, no waiting for the screen.
    await page.keyboard.press(keys[i % keys.length] as string, { delay: 40 });
    await page.keyboard.press('j', { delay: 40 });
  }

  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const pressed = await page.evaluate(() => window.__scoreKeys);
  expect(pressed).toHaveLength(24);
  // The last digit pressed while a header showed request N is N's score (earlier ones were overwritten).
  const expected = new Map<number, number>();
  for (const { key, header } of pressed) {
    const id = Number(/Request (\d+)/.exec(header)?.[1]);
    expect(Number.isSafeInteger(id), `header "${header}" names a request`).toBe(true);
    expected.set(id, VALUES[key] as number);
  }
  // Each key press is confirmed under the drawer header (always in view), naming the request and the score.
  const last = pressed.at(-1) as { key: string; header: string };
  await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: 'default score' })).toHaveText(
    `✓ ${last.header}: default score ${VALUES[last.key]}`,
  );
  const scored = async () => {
    const { body } = await server.api<ListReply>('/api/requests?limit=100');
    return Object.fromEntries(
      body.rows.filter((row) => row.scores.default !== undefined).map((row) => [row.id, row.scores.default]),
    );
  };
  await expect.poll(scored, { timeout: 60_000 }).toEqual(Object.fromEntries(expected));
  // The confirmation is no layer of its own: Esc still closes the drawer.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a digit pressed at the very instant the header switches scores the request it now shows', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const ids = await server.logMany(
    Array.from({ length: 16 }, (_, i) => chatBody(`instant ${i}`, `answer ${i}`)),
  );
  const order = [...ids].reverse();
  // When the header's text changes (the first moment a user could see the new ID), press a digit.
  await page.addInitScript(() => {
    window.__scoreKeys = [];
    let shown = '';
    new MutationObserver(() => {
      const header = document.querySelector('[role="dialog"] h2')?.textContent ?? '';
      if (!header || header === shown) return;
      const first = shown === '';
      shown = header;
      if (first) return;
      window.__scoreKeys.push({ key: '4', header });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Three rows a page: most switches wait for a page from the (slowed) network, then render late.
  await page.goto(server.signInUrl(`/?limit=3&request=${order[0]}`));
  await expect(drawer(page, order[0] as number)).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 200,
    downloadThroughput: 200_000,
    uploadThroughput: 100_000,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  for (let i = 1; i < order.length; i++) {
    await page.keyboard.press('j');
    // 8x CPU throttling on a machine that may itself be busy: wait for the state, generously.
    await expect(drawer(page, order[i] as number)).toBeVisible({ timeout: 30_000 });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  const pressed = await page.evaluate(() => window.__scoreKeys);
  expect(pressed.map((p) => p.header)).toEqual(order.slice(1).map((id) => `Request ${id}`));
  const expected = Object.fromEntries(order.slice(1).map((id) => [id, 80]));
  await expect
    .poll(
      async () => {
        const { body } = await server.api<ListReply>('/api/requests?limit=100');
        return Object.fromEntries(
          body.rows
            .filter((row) => row.scores.default !== undefined)
            .map((row) => [row.id, row.scores.default]),
        );
      },
      { timeout: 60_000 },
    )
    .toEqual(expected);
});
