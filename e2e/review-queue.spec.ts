/**
 * Review queues in the browser (issue #12): an admin creates a queue from the requests page's
 * filter; two annotators, each in their own browser context, review every item by keyboard only
 * (digits pick options, Enter completes, s skips, u undoes); progress moves; blind review hides the
 * other's scores; the summary shows their agreement. Screenshots go to /tmp/shots-queues/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { chatBody } from '../server/testing/factories.ts';
import { expect, type TestServer, test } from './fixtures.ts';

test.use({ allowedConsoleErrors: [/401/] });
test.setTimeout(180_000);

const SHOTS = '/tmp/shots-queues';
mkdirSync(SHOTS, { recursive: true });
const PASSWORD = 'a long enough password';
const ITEMS = 6;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-800.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

/** A signed-in annotator in a browser context of their own; console errors fail the test. */
async function reviewer(browser: Browser, server: TestServer, name: string, path: string) {
  const email = `${name.toLowerCase()}@example.test`;
  const created = await server.api('/api/accounts', {
    body: { email, name, role: 'annotator', password: PASSWORD },
  });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.pageUrl(path));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('header.app-header')).toContainText(name);
  return { page, errors, close: () => context.close() };
}

const progress = (page: Page) => page.locator('.queue-progress');

/** Waits until a request other than `previous` is on screen and the keys act on it; returns its id. */
async function shownItem(page: Page, previous: number | null): Promise<number> {
  const ready = page.locator('.queue-item[data-ready]');
  if (previous !== null) await expect(ready).not.toHaveAttribute('data-request-id', String(previous));
  await expect(ready.locator('.drawer-view')).toBeVisible();
  return Number(await ready.getAttribute('data-request-id'));
}

/** Reviews every item left, choosing safe's key by the item: returns the ids in review order. */
async function reviewAll(page: Page, safeKey: (id: number) => '0' | '1', from: number | null) {
  const done: number[] = [];
  let previous = from;
  while (!(await page.getByText('Nothing left for you in this queue.').isVisible())) {
    const id = await shownItem(page, previous);
    await page.keyboard.press('3');
    await page.keyboard.press(safeKey(id));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Submitted request ${id}.` })).toBeAttached();
    done.push(id);
    previous = id;
    await expect(
      page.locator('.queue-item[data-ready]').or(page.getByText('Nothing left for you in this queue.')),
    ).toBeVisible();
  }
  return done;
}

test('a queue from a filter, reviewed by keyboard by two people, then its agreement', async ({
  page,
  server,
  browser,
}) => {
  const ids = await server.logMany(
    Array.from({ length: ITEMS }, (_, i) =>
      chatBody(`Question ${i + 1}`, `Answer ${i + 1}`, { tags: ['review-me'] }),
    ),
  );
  await server.logMany([chatBody('Not for review', 'No', { tags: ['other'] })]);
  const newestFirst = [...ids].reverse();
  const position = (id: number) => newestFirst.indexOf(id);
  for (const body of [
    {
      name: 'helpfulness',
      kind: 'categorical',
      labels: [
        { label: 'Bad', value: 0 },
        { label: 'Okay', value: 50 },
        { label: 'Great', value: 100 },
      ],
    },
    { name: 'safe', kind: 'boolean' },
  ])
    expect((await server.api('/api/score-definitions', { body })).status).toBe(201);

  // The admin (the full key) creates the queue from the filtered requests page.
  await page.goto(server.signInUrl('/queues'));
  await expect(page.getByText('No review queues yet.')).toBeVisible();
  await shoot(page, 'queue-list-empty');
  await page.goto(server.pageUrl('/?tag=review-me'));
  await expect(page.getByText(`${ITEMS} requests`).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create queue…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Queue name').fill('Support answers');
  await dialog.getByRole('checkbox', { name: /helpfulness/ }).check();
  await dialog.getByRole('checkbox', { name: /safe/ }).check();
  await dialog.getByLabel('Reviews per item').fill('2');
  await dialog.getByRole('button', { name: `Create queue of ${ITEMS} requests` }).click();
  await expect(page.getByRole('table', { name: 'Review queues' })).toContainText('Support answers');
  await expect(page.getByRole('table', { name: 'Review queues' })).toContainText(`0 / ${ITEMS}`);
  await shoot(page, 'queue-list');
  await page.getByRole('link', { name: 'Summary of Support answers' }).click();
  await expect(page.getByText('No reviews yet')).toBeVisible();
  await shoot(page, 'summary-empty');
  const queuePath = '/queues/1/review';

  // Ann: digits, Enter, s, u.
  const ann = await reviewer(browser, server, 'Ann', queuePath);
  await expect(progress(ann.page)).toHaveText(`Progress: 0 / ${ITEMS} · mine 0`);
  const first = await shownItem(ann.page, null);
  expect(first).toBe(newestFirst[0]);
  await expect(ann.page.getByText("Others' scores stay hidden until you submit yours")).toBeVisible();
  await ann.page.keyboard.press('3');
  await expect(ann.page.getByRole('button', { name: '3 Great' })).toHaveAttribute('aria-pressed', 'true');
  await ann.page.keyboard.press('1');
  await expect(ann.page.getByRole('button', { name: '1 Pass' })).toHaveAttribute('aria-pressed', 'true');
  await shoot(ann.page, 'reviewer-screen');
  await ann.page.keyboard.press('Enter');
  await expect(progress(ann.page)).toHaveText(`Progress: 0 / ${ITEMS} · mine 1`);
  const second = await shownItem(ann.page, first);
  await ann.page.keyboard.press('s');
  await expect(ann.page.getByRole('status').filter({ hasText: `Skipped request ${second}.` })).toBeAttached();
  const third = await shownItem(ann.page, second);
  expect(third).not.toBe(second);
  await ann.page.keyboard.press('u');
  await expect(progress(ann.page)).toHaveText(`Progress: 0 / ${ITEMS} · mine 0`);
  expect(await shownItem(ann.page, third)).toBe(first);
  // Enter with a definition still empty completes nothing.
  await ann.page.keyboard.press('2');
  await ann.page.keyboard.press('Enter');
  await expect(ann.page.getByRole('alert')).toHaveText('Still to fill: safe');
  await ann.page.keyboard.press('2');
  await expect(ann.page.getByRole('button', { name: '2 Okay' })).toHaveAttribute('aria-pressed', 'true');

  // Ann passes the four newest and fails the rest (she re-picks helpfulness on the first).
  const annKey = (id: number) => (position(id) < 4 ? '1' : '0');
  const annDone = await reviewAll(ann.page, annKey, third);
  expect(new Set(annDone)).toEqual(new Set(ids));
  expect(annDone.at(-1)).toBe(second); // skipped: it came back last
  await expect(progress(ann.page)).toHaveText(`Progress: 0 / ${ITEMS} · mine ${ITEMS}`);
  await shoot(ann.page, 'reviewer-done');

  // Bea passes the two newest: she agrees with Ann on 4 of 6.
  const bea = await reviewer(browser, server, 'Bea', queuePath);
  await expect(bea.page.getByText("Others' scores stay hidden until you submit yours")).toBeVisible();
  await reviewAll(bea.page, (id) => (position(id) < 2 ? '1' : '0'), null);
  await expect(progress(bea.page)).toHaveText(`Progress: ${ITEMS} / ${ITEMS} · mine ${ITEMS}`);

  await bea.page.getByRole('link', { name: 'Summary', exact: true }).click();
  const agreement = bea.page.getByRole('table', { name: 'Agreement between reviewers' });
  // safe: 4 of 6 agree; Ann 4 pass / 2 fail, Bea 2 / 4: pe = 4/9, κ = (2/3 − 4/9) / (5/9) = 0.40.
  await expect(agreement.getByRole('row', { name: /safe/ })).toContainText('67%');
  await expect(agreement.getByRole('row', { name: /safe/ })).toContainText('0.40');
  // helpfulness: Ann re-picked Okay on the first item, Great elsewhere like Bea: 5 of 6.
  await expect(agreement.getByRole('row', { name: /helpfulness/ })).toContainText('83%');
  await expect(bea.page.getByRole('table', { name: 'Reviews per reviewer' })).toContainText('Ann');
  await shoot(bea.page, 'summary');
  const disputed = bea.page.getByRole('region', { name: 'Where reviewers disagree most' });
  await disputed.getByRole('link', { name: `Request ${newestFirst[2]}` }).click();
  await expect(bea.page.getByRole('dialog')).toContainText(`Answer ${ITEMS - 2}`);

  // The "in queue" filter: every item is done, none pending.
  await bea.page.goto(server.pageUrl('/?in_queue=1%3Adone'));
  await expect(bea.page.getByText(`${ITEMS} requests`).first()).toBeVisible();
  await expect(bea.page.getByText('In queue 1 (done)')).toBeVisible();
  await bea.page.goto(server.pageUrl('/?in_queue=1%3Apending'));
  await expect(bea.page.getByText('In queue 1 (pending)')).toBeVisible();
  await expect(bea.page.getByText('No requests match')).toBeVisible();

  expect(ann.errors).toEqual([]);
  expect(bea.errors).toEqual([]);
  await ann.close();
  await bea.close();
});
