/**
 * People and keys in the browser: first-run setup, sign in and out with a password, an annotator
 * whose scores carry their name, a viewer without edit controls, an admin creating and revoking a
 * key. Screenshots go to /tmp/shots-accounts/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chatBody } from '../server/testing/factories.ts';
import { drawer } from './drawer-support.ts';
import { expect, type TestServer, test } from './fixtures.ts';

// Signing out while the table's reads are in flight answers them 401, which the browser logs.
test.use({ allowedConsoleErrors: [/401/] });

const SHOTS = '/tmp/shots-accounts';
mkdirSync(SHOTS, { recursive: true });
const PASSWORD = 'a long enough password';

async function person(
  server: TestServer,
  name: string,
  role: 'admin' | 'annotator' | 'viewer',
): Promise<string> {
  const email = `${name.toLowerCase()}@example.test`;
  const { status } = await server.api('/api/accounts', { body: { email, name, role, password: PASSWORD } });
  expect(status).toBe(201);
  return email;
}

async function signInWithPassword(page: Page, server: TestServer, email: string, path = '/') {
  await page.goto(server.pageUrl(path));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const header = (page: Page) => page.locator('header.app-header');

test('first run: the setup link creates the first admin; sign out and in again', async ({ page, server }) => {
  expect(server.setupToken).toBeTruthy();
  await page.goto(`${server.url}/#setup=${server.setupToken}`);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  await page.screenshot({ path: `${SHOTS}/setup.png` });
  await page.getByLabel('Name').fill('Ana');
  await page.getByLabel('Email').fill('ana@example.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(header(page)).toContainText('Ana');
  await expect(header(page)).toContainText('admin');
  await expect(header(page).getByRole('link', { name: 'Settings' })).toBeVisible();

  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  // Signed out on the server too: a reload does not sign back in.
  await page.reload();
  await expect(page.getByLabel('Email')).toBeVisible();

  await page.getByLabel('Email').fill('ana@example.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(header(page)).toContainText('Ana');
});

test.describe('with a wrong password', () => {
  test.use({ allowedConsoleErrors: [/401/] });
  test('the form says so and keeps the email', async ({ page, server }) => {
    const email = await person(server, 'Bo', 'viewer');
    await page.goto(server.pageUrl());
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong wrong wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Email or password is wrong');
    await expect(page.getByLabel('Email')).toHaveValue(email);
  });
});

test('an annotator scores a request and the score shows who set it', async ({ page, server }) => {
  const id = await server.log(chatBody('What is 2+2?', '4'));
  const email = await person(server, 'Annie', 'annotator');
  await signInWithPassword(page, server, email, `/?request=${id}`);
  await expect(header(page)).toContainText('annotator');
  await expect(header(page).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const d = drawer(page, id);
  await d.getByLabel('Score name').fill('accuracy');
  await d.getByLabel('Score value').fill('80');
  await d.getByRole('button', { name: 'Save score' }).click();
  const score = d.getByRole('list', { name: 'Scores' }).getByRole('listitem').filter({ hasText: 'accuracy' });
  await expect(score).toContainText('80');
  await expect(score).toContainText('· Annie ·');
  await d.getByText(/^History \(1 change\)/).click();
  await expect(d.getByRole('list', { name: 'Annotation history' })).toContainText(
    'set score accuracy to 80 · Annie',
  );
  await page.screenshot({ path: `${SHOTS}/drawer-author.png` });
  const history = await server.api<{ events: { actor: string }[] }>(`/api/requests/${id}/history`);
  expect(history.body.events[0]?.actor).toBe('Annie');
});

test('a viewer reads everything and sees no edit controls', async ({ page, server }) => {
  const id = await server.log(chatBody('hello', 'hi', { tags: ['prod'], metadata: { env: 'prod' } }));
  await server.api(`/api/requests/${id}/scores/default`, { method: 'PUT', body: { value: 60 } });
  const email = await person(server, 'Vic', 'viewer');
  await signInWithPassword(page, server, email, `/?request=${id}`);
  await expect(header(page)).toContainText('viewer');
  const d = drawer(page, id);
  await expect(d.getByRole('list', { name: 'Scores' })).toContainText('60');
  await expect(d.getByRole('table', { name: 'Metadata' })).toContainText('prod');
  for (const name of [
    'Save score',
    'Add tag',
    'Save metadata',
    'Remove score default',
    'Remove tag prod',
    'Edit metadata env',
  ])
    await expect(d.getByRole('button', { name })).toHaveCount(0);
  await expect(d.getByLabel('Score value')).toHaveCount(0);
  // The score shortcut does nothing for a viewer (no request, no error).
  await d.press('5');
  await expect(d.getByRole('list', { name: 'Scores' })).toContainText('60');
  await page.screenshot({ path: `${SHOTS}/viewer-drawer.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/viewer-drawer-dark.png` });
});

test('an admin creates an ingest key, which logs but cannot read, then revokes it', async ({
  page,
  server,
}) => {
  const email = await person(server, 'Ada', 'admin');
  await signInWithPassword(page, server, email);
  await header(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('Key name').fill('checkout service');
  await page.getByLabel('Scope').selectOption('ingest');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByLabel('New key');
  await expect(shown).toHaveValue(/^pl_ingest_/);
  const key = await shown.inputValue();
  const keys = page.getByRole('table', { name: 'API keys' });
  await expect(keys.getByRole('row', { name: /checkout service/ })).toContainText('active');
  await page.screenshot({ path: `${SHOTS}/settings.png`, fullPage: true });

  const call = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    }).then((response) => response.status);
  expect(await call('/log-request', chatBody('from the app', 'ok'))).toBe(201);
  expect(await call('/api/requests')).toBe(403);

  await keys.getByRole('button', { name: 'Revoke checkout service' }).click();
  await expect(keys.getByRole('row', { name: /checkout service/ })).toContainText('revoked');
  expect(await call('/log-request', chatBody('after revoke', 'no'))).toBe(401);
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit).toContainText('key revoked');
  await expect(audit).toContainText('key created');
  await expect(page.getByRole('table', { name: 'People' })).toContainText('ada@example.test');
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: `${SHOTS}/settings-800.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/settings-800-dark.png`, fullPage: true });
});
