/** Signing in as a person with a role (an account created through the API, then the password form). */
import type { Page } from '@playwright/test';
import { expect, type TestServer } from './fixtures.ts';

const PASSWORD = 'a long enough password';

export async function signInAs(
  page: Page,
  server: TestServer,
  name: string,
  role: 'admin' | 'annotator' | 'viewer',
  path = '/',
): Promise<void> {
  const email = `${name.toLowerCase()}@example.test`;
  const { status } = await server.api('/api/accounts', { body: { email, name, role, password: PASSWORD } });
  expect(status).toBe(201);
  await page.goto(server.pageUrl(path));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('header.app-header')).toContainText(name);
}
