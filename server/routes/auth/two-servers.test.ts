/**
 * Two servers on one PostgreSQL: a key revoked, a session ended or an account disabled through
 * one is refused by the other on its next request, although the other had the lookup cached.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openStore } from '../../store/open-store.ts';
import {
  createTestSchema,
  SKIP_REASON,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../../store/postgres/testing/test-database.ts';
import type { Store } from '../../store/store.ts';
import { FULL_KEY, SAME_ORIGIN, signedIn, storedKey } from '../../testing/auth-fixtures.ts';

/** Polls `check` until it holds (a state, not a time): NOTIFY reaches the other server asynchronously. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 5000; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

const suite = TEST_DATABASE_URL ? describe : describe.skip;

suite(TEST_DATABASE_URL ? 'two servers on one PostgreSQL' : `two servers: ${SKIP_REASON}`, () => {
  let schema: TestSchema;
  const stores: Store[] = [];
  const apps: FastifyInstance[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'promptlog-two-'));

  beforeAll(async () => {
    schema = await createTestSchema();
    for (let i = 0; i < 2; i += 1) {
      const store = await openStore({ dataDir, databaseUrl: schema.url });
      const app = buildApp({ store, apiKeys: [FULL_KEY], version: 'test', distDir: join(dataDir, 'none') });
      await app.ready();
      stores.push(store);
      apps.push(app);
    }
    await eventually(
      async () => stores.every((store) => store.auth.revocationsLive),
      'both servers listening',
    );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const status = async (app: FastifyInstance | undefined, headers: Record<string, string>) =>
    (await (app as FastifyInstance).inject({ url: '/api/requests', headers })).statusCode;

  it('a key revoked on A is refused by B', async () => {
    const [a, b] = apps;
    const key = await storedKey(stores[0] as Store, 'read');
    expect(await status(b, { 'x-api-key': key })).toBe(200);
    expect(await status(b, { 'x-api-key': key })).toBe(200); // now cached on B
    const id = (
      await (a as FastifyInstance).inject({ url: '/api/keys', headers: { 'x-api-key': FULL_KEY } })
    ).json().keys[0].id;
    const revoke = await (a as FastifyInstance).inject({
      method: 'DELETE',
      url: `/api/keys/${id}`,
      headers: { 'x-api-key': FULL_KEY },
    });
    expect(revoke.statusCode).toBe(200);
    await eventually(
      async () => (await status(b, { 'x-api-key': key })) === 401,
      'B refuses the revoked key',
    );
  });

  it('a session signed out on A, and an account disabled on A, are refused by B', async () => {
    const [a, b] = apps;
    const out = await signedIn(stores[0] as Store, 'viewer');
    expect(await status(b, { cookie: out.cookie })).toBe(200);
    await (a as FastifyInstance).inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: out.cookie, ...SAME_ORIGIN },
    });
    await eventually(
      async () => (await status(b, { cookie: out.cookie })) === 401,
      'B refuses the ended session',
    );

    const disabled = await signedIn(stores[0] as Store, 'viewer');
    expect(await status(b, { cookie: disabled.cookie })).toBe(200);
    await (a as FastifyInstance).inject({
      method: 'PATCH',
      url: `/api/accounts/${disabled.id}`,
      headers: { 'x-api-key': FULL_KEY },
      payload: { disabled: true },
    });
    await eventually(
      async () => (await status(b, { cookie: disabled.cookie })) === 401,
      'B refuses the disabled account',
    );
  });

  it('a session started on A works on B (sessions live in the store)', async () => {
    const session = await signedIn(stores[0] as Store, 'annotator');
    expect(await status(apps[1], { cookie: session.cookie })).toBe(200);
  });
});
