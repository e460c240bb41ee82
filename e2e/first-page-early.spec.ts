/**
 * Issue #15: the requests page's first list request is in flight before the app's JavaScript has
 * loaded (public/first-page.js), and the app uses that answer instead of asking again.
 */
import { variedBodies } from '../server/testing/factories.ts';
import { expect, test } from './fixtures.ts';
import { RequestsPage } from './requests-page.ts';

test('the first page of requests is asked for before the bundle arrives, and only once', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(3));
  const requests = new RequestsPage(page);
  await page.goto(server.signInUrl());
  await expect(requests.rows).toHaveCount(3);

  const lists: string[] = [];
  let listSent: () => void = () => {};
  const listSeen = new Promise<void>((resolve) => {
    listSent = resolve;
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/requests') return;
    lists.push(url.search);
    listSent();
  });
  // The app's bundle is held until a list request has gone out: only the early script can send it.
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await listSeen;
    await route.continue();
  });
  await page.goto(`${server.url}/?model=gpt-4o&request=1`);
  await expect(requests.rows.first()).toBeVisible();
  expect(lists).toEqual(['?model=gpt-4o']);
});

test('a page the early request did not ask for (a rolling range) is fetched by the app as usual', async ({
  page,
  server,
}) => {
  await server.logMany(variedBodies(2));
  const requests = new RequestsPage(page);
  await page.goto(server.signInUrl('/?range=24h'));
  await expect(requests.rows).toHaveCount(2);
  const lists: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/requests') lists.push(url.searchParams.has('from') ? 'from' : url.search);
  });
  await page.reload();
  await expect(requests.rows).toHaveCount(2);
  expect(lists).toEqual(['from']);
});
