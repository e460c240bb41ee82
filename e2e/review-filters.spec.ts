/**
 * Filters for review work (issue #12): "scored by me", "has no score X", "has a comment", through
 * the Review filter, as chips and in the URL. Screenshots go to /tmp/shots-review/.
 */
import { mkdirSync } from 'node:fs';
import { chatBody } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

// Signing in with a password: the page's first read (sent before the form) is answered 401.
test.use({ allowedConsoleErrors: [/401/] });

const SHOTS = '/tmp/shots-review';
mkdirSync(SHOTS, { recursive: true });
const PASSWORD = 'a long enough password';

test('an annotator finds what they scored, what still lacks a score, and what has a comment', async ({
  page,
  server,
}) => {
  const ids = await server.logMany(
    Array.from({ length: 6 }, (_, i) => chatBody(`question ${i}`, `answer ${i}`)),
  );
  const email = 'rita@example.test';
  expect(
    (
      await server.api('/api/accounts', {
        body: { email, name: 'Rita', role: 'annotator', password: PASSWORD },
      })
    ).status,
  ).toBe(201);
  await page.goto(server.pageUrl('/'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const requests = new RequestsPage(page);
  await requests.expectCountText(6);
  // Rita scores two requests (one with a comment) in the browser's session; the key scores another.
  const scoreAsRita = (id: number, body: object) =>
    page.evaluate(
      async ([url, payload]) =>
        (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: payload }))
          .status,
      [`/api/requests/${id}/scores/helpfulness`, JSON.stringify(body)] as const,
    );
  expect(await scoreAsRita(ids[1] as number, { value: 80, comment: 'clear' })).toBe(200);
  expect(await scoreAsRita(ids[3] as number, { value: 20 })).toBe(200);
  await server.api(`/api/requests/${ids[5]}/scores/helpfulness`, { method: 'PUT', body: { value: 50 } });

  const open = () => page.getByRole('button', { name: /^Review/ }).click();
  await open();
  await page.getByRole('button', { name: 'Scored by me' }).click();
  await requests.expectRowIds([ids[3] as number, ids[1] as number]);
  await expect(page.getByRole('button', { name: 'Remove filter Scored by Rita' })).toBeVisible();
  expect(await requests.urlParams()).toEqual([['scored_by', 'Rita']]);
  await page.screenshot({ path: `${SHOTS}/review-filter-scored-by-me.png` });
  await page.getByRole('button', { name: 'Remove filter Scored by Rita' }).click();

  await open();
  await page.getByLabel('Has no score named').fill('helpfulness');
  await page.getByRole('button', { name: 'Add “has no score”' }).click();
  await requests.expectRowIds([ids[4], ids[2], ids[0]] as number[]);
  await open();
  await page.getByRole('button', { name: 'Has a comment' }).click();
  await requests.expectCountText(0);
  await page.screenshot({ path: `${SHOTS}/review-filter-empty.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 800, height: 700 });
  await page.screenshot({ path: `${SHOTS}/review-filter-empty-800-dark.png` });
  await page.getByRole('button', { name: 'Remove filter No score helpfulness' }).click();
  await requests.expectRowIds([ids[1] as number]);
  // The URL restores the view on reload.
  await page.reload();
  await requests.expectRowIds([ids[1] as number]);
  await open();
  await expect(page.getByRole('button', { name: /drop “has a comment”/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-filter-popover-800-dark.png` });
});
