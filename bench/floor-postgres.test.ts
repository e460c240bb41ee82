/**
 * The PostgreSQL floor must run exactly what the store runs: every statement PostgresStore sends
 * for each benchmark read is recorded and compared with the floor's. Needs TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyFilter } from '../contract/api.ts';
import { createRandom } from '../server/seed/random.ts';
import { seedStore } from '../server/seed/seed-store.ts';
import { Connection, toConfig } from '../server/store/postgres/connection.ts';
import { openPostgresStore } from '../server/store/postgres/index.ts';
import { matchTextStatement } from '../server/store/postgres/list-sql.ts';
import type { PostgresStore } from '../server/store/postgres/postgres-store.ts';
import {
  createTestSchema,
  SKIP_REASON,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../server/store/postgres/testing/test-database.ts';
import type { Sql } from '../server/store/sql/fragment.ts';
import { statementsFor } from './floor-postgres.ts';
import { type DataProfile, listCase, readThroughStore, readVariants } from './read-variants.ts';

const describePg = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) console.log(`bench/floor-postgres.test.ts: ${SKIP_REASON}`);

describePg('the PostgreSQL floor', () => {
  let schema: TestSchema;
  let store: PostgresStore;
  let profile: DataProfile;

  beforeAll(async () => {
    schema = await createTestSchema();
    store = await openPostgresStore(schema.url);
    await seedStore(store, { count: 1500, seed: 'pg-floor-test', batchSize: 500 });
    const oldest = await store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'asc', limit: 1 });
    const newest = await store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'desc', limit: 1 });
    profile = {
      facets: await store.facets(),
      newestId: 1500,
      firstMs: Date.parse(oldest.rows[0]?.startTime ?? ''),
      lastMs: Date.parse(newest.rows[0]?.startTime ?? ''),
    };
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  it('runs exactly the statement the store runs, for every read variant', async () => {
    const variants = readVariants(profile).filter((v) => !v.name.startsWith('http baseline'));
    const first = await store.listRequests({ filter: emptyFilter(), sort: 'cost', order: 'desc', limit: 50 });
    variants.push({
      name: 'list: page 2 via cursor (cost desc)',
      budgetP95Ms: 20,
      makeCase: () => listCase({}, 'cost', 'desc', first.nextCursor ?? undefined),
    });
    const random = createRandom(11);
    for (const variant of variants) {
      for (let sample = 0; sample < 3; sample++) {
        const { floor: query } = variant.makeCase(random, sample);
        if (query.kind === 'none') continue;
        const sent: unknown[] = [];
        const original = Connection.prototype.query;
        const spy = vi.spyOn(Connection.prototype, 'query').mockImplementation(function (
          this: Connection,
          fragment: Sql,
          name?: string,
        ) {
          sent.push(toConfig(fragment));
          return original.call(this, fragment, name);
        });
        // User-built reads run through timedRead (one transaction with a statement_timeout).
        const originalTimed = Connection.prototype.timedRead;
        const timedSpy = vi.spyOn(Connection.prototype, 'timedRead').mockImplementation(function (
          this: Connection,
          fragment: Sql,
        ) {
          sent.push(toConfig(fragment));
          return originalTimed.call(this, fragment);
        });
        try {
          await readThroughStore(store, query);
        } finally {
          spy.mockRestore();
          timedSpy.mockRestore();
        }
        const expected = statementsFor(query).map(toConfig);
        // A list with q also reads its rows' text heads for the match snippets, by id.
        if (query.kind === 'list' && query.query.filter.q) {
          const page = (await readThroughStore(store, query)) as { rows: { id: number }[] };
          const ids = page.rows.map((row) => row.id);
          if (ids.length > 0) expected.push(toConfig(matchTextStatement(ids)));
        }
        expect(sent, variant.name).toEqual(expected);
      }
    }
  });
});
