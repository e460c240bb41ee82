/**
 * The floor is only honest if it runs exactly what the store runs. This records every statement
 * (text and bound values) the SQLite store executes for each benchmark read and checks that the
 * floor executes the same sequence, so a change to the store's read path fails here, not silently
 * in the benchmark's ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyFilter } from '../contract/api.ts';
import { createRandom } from '../server/seed/random.ts';
import { seedStore } from '../server/seed/seed-store.ts';
import { renderSql, type Sql } from '../server/store/sql/fragment.ts';
import { openSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { Statements } from '../server/store/sqlite/statements.ts';
import type { Store } from '../server/store/store.ts';
import { openSqliteFloor } from './floor-sqlite.ts';
import type { Floor } from './read-bench.ts';
import { type DataProfile, listCase, readThroughStore, readVariants } from './read-variants.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-floor-'));
let store: Store;
let floor: Floor;
let profile: DataProfile;

function record(): { log: string[]; stop: () => void } {
  const log: string[] = [];
  const { all, get } = Statements.prototype;
  const note = (kind: string, fragment: Sql) =>
    log.push(`${kind} ${renderSql(fragment, () => '?')} ${JSON.stringify(fragment.params)}`);
  const spies = [
    vi.spyOn(Statements.prototype, 'all').mockImplementation(function (this: Statements, fragment: Sql) {
      note('all', fragment);
      return all.call(this, fragment);
    }),
    vi.spyOn(Statements.prototype, 'get').mockImplementation(function (this: Statements, fragment: Sql) {
      note('get', fragment);
      return get.call(this, fragment);
    }),
  ];
  return {
    log,
    stop: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

beforeAll(async () => {
  // Reads on the store's own connection (no read workers), so the spies see every statement;
  // a read worker runs the same statements on its own connection.
  store = await openSqliteStore(join(dir, 'promptlog.db'), { reads: false });
  await seedStore(store, { count: 3000, seed: 'floor-test', batchSize: 1000 });
  const facets = await store.facets();
  const oldest = await store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'asc', limit: 1 });
  const newest = await store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'desc', limit: 1 });
  profile = {
    facets,
    newestId: 3000,
    firstMs: Date.parse(oldest.rows[0]?.startTime ?? ''),
    lastMs: Date.parse(newest.rows[0]?.startTime ?? ''),
  };
  floor = openSqliteFloor(dir);
});

afterAll(async () => {
  await floor?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite floor', () => {
  it('runs exactly the statements the store runs, for every read variant', async () => {
    const variants = readVariants(profile);
    const first = await store.listRequests({ filter: emptyFilter(), sort: 'cost', order: 'desc', limit: 50 });
    variants.push({
      name: 'list: page 2 via cursor (cost desc)',
      budgetP95Ms: 20,
      makeCase: () => listCase({}, 'cost', 'desc', first.nextCursor ?? undefined),
    });
    expect(variants.length).toBeGreaterThan(20);
    const random = createRandom(7);
    for (const variant of variants.filter((v) => !v.name.startsWith('http baseline'))) {
      for (let sample = 0; sample < 5; sample++) {
        const { floor: query } = variant.makeCase(random, sample);
        if (query.kind === 'none') continue;
        const storeRun = record();
        await readThroughStore(store, query);
        storeRun.stop();
        const floorRun = record();
        await floor.run(query);
        floorRun.stop();
        expect(storeRun.log.length, variant.name).toBeGreaterThan(0);
        expect(floorRun.log, variant.name).toEqual(storeRun.log);
      }
    }
  });
});
