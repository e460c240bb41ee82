/**
 * PostgreSQL adapter tests. They need a real PostgreSQL from TEST_DATABASE_URL (scripts/pg-throwaway.sh
 * start prints one; CI sets it) and are skipped, saying so, without it. Each test works in its
 * own fresh schema, dropped afterwards.
 */

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyFilter, type RequestStatus } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { runStoreContract } from '../testing/contract-suite.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { openPostgresStore } from './index.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './schema.ts';
import { reservePort, TcpProxy } from './testing/tcp-proxy.ts';
import {
  createTestSchema,
  dropSchemas,
  SKIP_REASON,
  TEST_DATABASE_URL,
  type TestSchema,
  urlWithSchema,
} from './testing/test-database.ts';

const schemas: TestSchema[] = [];
async function freshSchema(): Promise<TestSchema> {
  const schema = await createTestSchema();
  schemas.push(schema);
  return schema;
}
afterAll(async () => {
  await dropSchemas(schemas.map((schema) => schema.name));
});

/** TEST_DATABASE_URL pointed at another host:port (a proxy, or nothing at all). */
function urlVia(port: number, schema: string): string {
  const url = new URL(urlWithSchema(TEST_DATABASE_URL, schema));
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

// The storage contract, unchanged. Its first store migrates a fresh schema from nothing; every
// later one gets the same schema emptied (a new schema per test costs a migration each).
if (TEST_DATABASE_URL) {
  let contractSchema: TestSchema | null = null;
  runStoreContract('postgres', async () => {
    if (!contractSchema) contractSchema = await freshSchema();
    else await emptySchema(contractSchema.url);
    return openPostgresStore(contractSchema.url, { poolSize: 4 });
  });
}

async function emptySchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Every table but the migration record, so tables added by later migrations are emptied too.
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    const names = tables.rows.map((row) => row.name).join(', ');
    await client.query(`TRUNCATE ${names} RESTART IDENTITY; ALTER SEQUENCE change_seq RESTART`);
  } finally {
    await client.end();
  }
}

describe.skipIf(!TEST_DATABASE_URL)('postgres store: migrations', () => {
  it('applies each migration exactly once when several servers start at the same moment', async () => {
    const schema = await freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore(schema.url, { poolSize: 2 })),
    );
    try {
      const applied = await stores[0]?.connection.pool.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(applied?.rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const ids = await Promise.all(stores.map((store) => store.insertRequest(makeNewRequest())));
      expect(new Set(ids).size).toBe(4);
      expect(await stores[3]?.countRequests(emptyFilter())).toBe(4);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('serialises concurrent migrators with the advisory lock (a slow, non-idempotent step runs once)', async () => {
    const schema = await freshSchema();
    // Without the lock, every migrator would see version 1 missing and the second CREATE TABLE
    // (or the version insert) would fail.
    const slow = [{ version: 1, name: 'slow', sql: 'SELECT pg_sleep(0.3); CREATE TABLE slow_step (id int)' }];
    const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: schema.url, max: 1 }));
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool, slow)));
      expect(results.flatMap((result) => result.applied)).toEqual([1]);
      const count = await pools[0]?.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(count?.rows[0]?.n).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('postgres store: an unreachable database', () => {
  it('starts anyway, reports it, answers DatabaseUnavailableError, and recovers (migrating) when the database comes up', async () => {
    const schema = await freshSchema();
    const target = new URL(TEST_DATABASE_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    proxy.port = await reservePort();
    const logs: string[] = [];
    const store = await openPostgresStore(urlVia(proxy.port, schema.name), {
      poolSize: 2,
      retryMs: 100,
      connectTimeoutMs: 1000,
      log: (message) => logs.push(message),
    });
    try {
      expect(logs.join('\n')).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+\/postgres is unreachable/);
      await expect(
        store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'desc', limit: 5 }),
      ).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(store.insertRequest(makeNewRequest())).rejects.toMatchObject({
        code: 'database_unavailable',
        statusCode: 503,
      });

      await proxy.up();
      await expect.poll(() => store.connection.isReady, { timeout: 5000 }).toBe(true);
      const id = await store.insertRequest(makeNewRequest());
      expect((await store.getRequest(id))?.id).toBe(id);
      expect(logs.at(-1)).toMatch(/reachable again/);
    } finally {
      await store.close();
      await proxy.down();
    }
  });

  it('survives the database going away mid-life: 503-style errors, no crash, then works again', async () => {
    const schema = await freshSchema();
    const target = new URL(TEST_DATABASE_URL);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.up();
    const store = await openPostgresStore(urlVia(proxy.port, schema.name), {
      poolSize: 2,
      retryMs: 100,
      connectTimeoutMs: 1000,
      log: () => undefined,
    });
    try {
      const id = await store.insertRequest(makeNewRequest());
      await proxy.down();
      await expect(store.getRequest(id)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(store.setScore(id, 'default', 50)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await proxy.up();
      await expect
        .poll(async () => (await store.getRequest(id).catch(() => null))?.id, { timeout: 5000 })
        .toBe(id);
      expect((await store.setScore(id, 'default', 50))?.scores).toEqual({ default: 50 });
    } finally {
      await store.close();
      await proxy.down();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('postgres store: grouped inserts', () => {
  it('commits concurrent inserts together, in call order, and one bad request fails alone', async () => {
    const schema = await freshSchema();
    const [writer, reader] = await Promise.all([
      openPostgresStore(schema.url, { poolSize: 2 }),
      openPostgresStore(schema.url, { poolSize: 1 }),
    ]);
    try {
      const bad = makeNewRequest({ status: 'BOGUS' as RequestStatus });
      const settled = await Promise.allSettled([
        writer.insertRequest(makeNewRequest({ model: 'm1' })),
        writer.insertRequest(makeNewRequest({ model: 'm2' })),
        writer.insertRequest(bad),
        writer.insertRequest(makeNewRequest({ model: 'm4' })),
      ]);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      // Acknowledged means committed: another pool sees every one at once.
      const models = await Promise.all(ids.map(async (id) => (await reader.getRequest(id))?.model));
      expect(models).toEqual(['m1', 'm2', 'm4']);
      expect(ids[0]).toBeLessThan(ids[1] as number);
      expect(await reader.countRequests(emptyFilter())).toBe(3);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('postgres store: metadata values longer than the index holds', () => {
  it('filters by the exact value, even when values share their first 200 characters', async () => {
    const schema = await freshSchema();
    const store = await openPostgresStore(schema.url, { poolSize: 2 });
    try {
      const head = 'x'.repeat(200);
      const long1 = `${head}-one`;
      const long2 = `${head}-two`;
      const huge = 'y'.repeat(60_000);
      const ids = await store.insertRequests([
        makeNewRequest({ metadata: { note: long1 } }),
        makeNewRequest({ metadata: { note: long2 } }),
        makeNewRequest({ metadata: { note: head } }),
        makeNewRequest({ metadata: { note: huge } }),
      ]);
      const matching = async (values: string[]) =>
        (
          await store.listRequests({
            filter: { ...emptyFilter(), metadata: [{ key: 'note', values }] },
            sort: 'time',
            order: 'asc',
            limit: 10,
          })
        ).rows.map((row) => row.id);
      expect(await matching([long2])).toEqual([ids[1]]);
      expect(await matching([head])).toEqual([ids[2]]);
      expect(await matching([long1, huge])).toEqual([ids[0], ids[3]]);
      expect(await matching(['x'])).toEqual([]);
      expect((await store.metadataValues('note', head, 10)).map((v) => v.value).sort()).toEqual(
        [head, long1, long2].sort(),
      );
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('postgres store: concurrency', () => {
  it('loses no score, metadata or tag written concurrently to one request through separate pools', async () => {
    const schema = await freshSchema();
    const [a, b] = await Promise.all([
      openPostgresStore(schema.url, { poolSize: 4 }),
      openPostgresStore(schema.url, { poolSize: 4 }),
    ]);
    if (!a || !b) throw new Error('stores did not open');
    try {
      const id = await a.insertRequest(makeNewRequest({ tags: [], metadata: {}, scores: {} }));
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        const store = i % 2 === 0 ? a : b;
        writes.push(store.setMetadata(id, { [`k${i}`]: `v${i}` }));
        writes.push(store.setScore(id, `s${i}`, i));
        writes.push(store.addTag(id, `t${i}`));
        writes.push(store.setMetadata(id, { shared: `w${i}` }));
      }
      await Promise.all(writes);
      const detail = await b.getRequest(id);
      expect(Object.keys(detail?.metadata ?? {})).toHaveLength(21);
      expect(Object.keys(detail?.scores ?? {})).toHaveLength(20);
      expect(detail?.tags).toHaveLength(20);
      const facets = await a.facets();
      expect(facets.tags.reduce((sum, tag) => sum + tag.count, 0)).toBe(20);
      expect(facets.metadataKeys.find((key) => key.value === 'shared')?.count).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

// Only without PostgreSQL: one skipped test whose name says why (and nothing extra counted when it runs).
if (!TEST_DATABASE_URL) {
  describe('postgres store', () => {
    it.skip(SKIP_REASON, () => undefined);
  });
}
