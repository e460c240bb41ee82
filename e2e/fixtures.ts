/**
 * Playwright fixtures for every e2e spec. Use them instead of @playwright/test:
 *
 *   import { expect, test } from './fixtures.ts';
 *   test('…', async ({ page, server }) => {
 *     const ids = await server.logMany(variedBodies(30));   // seed through the public /log-request
 *     await page.goto(server.signInUrl());                    // `/#key=<key>`: signed in
 *     await page.goto(server.pageUrl('?request=' + ids[0])); // later navigations: key is in localStorage
 *   });
 *
 * - `server`: a real Promptlog server (startServer) on a fresh temp data dir and port 0, one per
 *   test, with a known API key; closed and its data dir removed afterwards. It serves the built SPA
 *   from dist/ (run `npx vite build` first; `npm test` does).
 * - `page`: FAILS the test on any console error or uncaught page error (checked while the server is
 *   still up). A test that expects some
 *   (e.g. the browser's "Failed to load resource … 401" line) lists them with
 *   `test.use({ allowedConsoleErrors: [/401/] })`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect as baseExpect } from '@playwright/test';
import { startServer } from '../server/start-server.ts';
import type { LogRequestBody } from '../server/testing/factories.ts';

export const TEST_API_KEY = 'pl-e2e-test-key-0123456789';

export interface TestServer {
  url: string;
  apiKey: string;
  /** The first-run setup token (`/#setup=<token>`) while no account exists. */
  setupToken: string | undefined;
  /** `<url>/<path>#key=<apiKey>`: the sign-in URL the server prints. */
  signInUrl(path?: string): string;
  /** `<url>/<path>` (path may start with '?'). */
  pageUrl(path?: string): string;
  /** POST /log-request; returns the new request id. */
  log(body: LogRequestBody): Promise<number>;
  /** Logs in order (ids ascend with the array) and returns the ids. */
  logMany(bodies: LogRequestBody[]): Promise<number[]>;
  /** Logs with `concurrency` requests in flight (ids do not follow the array order); returns how many. */
  logConcurrently(bodies: LogRequestBody[], concurrency?: number): Promise<number>;
  /** Any API call with the key; returns the parsed JSON body and status. */
  api<T = unknown>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
}

interface Fixtures {
  server: TestServer;
  allowedConsoleErrors: RegExp[];
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring form.
  server: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'promptlog-e2e-'));
    const running = await startServer({ port: 0, dataDir, apiKeys: [TEST_API_KEY] });
    const base = running.url.replace(/\/$/, '');
    const api: TestServer['api'] = async (path, init = {}) => {
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          'x-api-key': TEST_API_KEY,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? null : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
    };
    const log: TestServer['log'] = async (body) => {
      const { status, body: reply } = await api<{ id: number }>('/log-request', { body });
      if (status !== 201) throw new Error(`/log-request answered ${status}: ${JSON.stringify(reply)}`);
      return reply.id;
    };
    await use({
      url: base,
      apiKey: TEST_API_KEY,
      setupToken: running.setupToken,
      signInUrl: (path = '/') => `${base}${path.startsWith('/') ? path : `/${path}`}#key=${TEST_API_KEY}`,
      pageUrl: (path = '/') => `${base}${path.startsWith('/') ? path : `/${path}`}`,
      log,
      logMany: async (bodies) => {
        const ids: number[] = [];
        for (const body of bodies) ids.push(await log(body));
        return ids;
      },
      logConcurrently: async (bodies, concurrency = 8) => {
        let next = 0;
        const worker = async () => {
          while (next < bodies.length) {
            const body = bodies[next++];
            if (body) await log(body);
          }
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
        return bodies.length;
      },
      api,
    });
    // The page's own checks ran before this teardown; the browser may still hold keep-alive
    // connections (and Chromium preconnects), so drop them all rather than wait on them.
    const closing = running.close();
    running.app.server.closeAllConnections();
    await closing;
    await rm(dataDir, { recursive: true, force: true });
  },

  // Depends on `server` so the server outlives the page: a poll in flight while the test ends must
  // not hit a closed port and count as a console error.
  page: async ({ page, allowedConsoleErrors, server: _server }, use) => {
    const errors: string[] = [];
    const allowed = (text: string) => allowedConsoleErrors.some((pattern) => pattern.test(text));
    page.on('console', (message) => {
      if (message.type() === 'error' && !allowed(message.text()))
        errors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (!allowed(error.message)) errors.push(`page error: ${error.message}`);
    });
    await use(page);
    baseExpect(errors, 'console errors or page errors during the test').toEqual([]);
  },
});

/**
 * Assertions wait up to 20 s: the suite shares two cores with builds and benchmarks, and a first
 * page load took over 10 s there (load 9) without anything being wrong.
 */
export const expect = baseExpect.configure({ timeout: 20_000 });
