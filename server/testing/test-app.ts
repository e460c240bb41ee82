/**
 * API test harness: the real app on a real store in a temp dir, driven in-process with inject().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe } from 'vitest';
import { emptyFilter } from '../../contract/api.ts';
import { type AppDeps, buildApp } from '../app.ts';
import { openStore } from '../store/open-store.ts';
import { createTestSchema, SKIP_REASON, TEST_DATABASE_URL } from '../store/postgres/testing/test-database.ts';
import type { Store } from '../store/store.ts';
import type { LogRequestBody } from './factories.ts';

export const TEST_KEY = 'test-key-0123456789';
export const KEY_HEADER = { 'x-api-key': TEST_KEY } as const;

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  close: () => Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Runs `define` once per store adapter: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (each app then gets its own fresh schema), so the API tests run unchanged against both.
 */
export function forEachStore(define: (kind: StoreKind) => void): void {
  describe('sqlite store', () => define('sqlite'));
  if (TEST_DATABASE_URL) describe('postgres store', () => define('postgres'));
  else describe.skip(`postgres store: ${SKIP_REASON}`, () => define('postgres'));
}

export async function createTestApp(
  overrides: Partial<AppDeps> = {},
  kind: StoreKind = 'sqlite',
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-api-'));
  const schema = kind === 'postgres' ? await createTestSchema() : undefined;
  const store = await openStore({ dataDir, databaseUrl: schema?.url });
  const app = buildApp({
    store,
    apiKeys: [TEST_KEY],
    version: 'test',
    distDir: join(dataDir, 'no-dist'),
    ...overrides,
  });
  await app.ready();
  return {
    app,
    store,
    dataDir,
    close: async () => {
      await app.close();
      await store.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function logRequest(
  app: FastifyInstance,
  body: LogRequestBody | Record<string, unknown>,
): Promise<number> {
  const response = await app.inject({
    method: 'POST',
    url: '/log-request',
    headers: KEY_HEADER,
    payload: body,
  });
  if (response.statusCode !== 201)
    throw new Error(`log-request failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: number }).id;
}

export async function countAll(store: Store): Promise<number> {
  return store.countRequests(emptyFilter());
}

/** Asserts the PromptLayer error shape and returns the body. */
export function errorOf(response: LightMyRequestResponse): {
  success: false;
  error: string;
  message: string;
  detail?: { loc: (string | number)[] }[];
} {
  const body = response.json() as { success: false; error: string; message: string };
  if (body.success !== false || typeof body.error !== 'string' || typeof body.message !== 'string') {
    throw new Error(`not an error body: ${response.body}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/json')) {
    throw new Error(`error body is not JSON: ${response.headers['content-type']}`);
  }
  return body;
}
