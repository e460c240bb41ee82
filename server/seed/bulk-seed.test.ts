import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { emptyFilter, requestFilterSchema } from '../../contract/api.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { bulkSeedSqlite } from './bulk-seed.ts';
import { seedStore } from './seed-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-bulk-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes the same requests as seedStore, generated in a worker thread', async () => {
  const options = { count: 1200, batchSize: 500, seed: 'bulk-seed-test', now: Date.UTC(2026, 0, 1) };
  const bulk = await openSqliteStore(join(dir, 'bulk.db'));
  const plain = await openSqliteStore(join(dir, 'plain.db'));
  try {
    const progress: number[] = [];
    const result = await bulkSeedSqlite(bulk, { ...options, onProgress: (n) => progress.push(n) });
    await seedStore(plain, options);
    expect(result.inserted).toBe(1200);
    expect(progress).toEqual([500, 1000, 1200]);
    expect(await bulk.countRequests(emptyFilter())).toBe(1200);
    expect(await bulk.facets()).toEqual(await plain.facets());
    const query = { filter: emptyFilter(), sort: 'time' as const, order: 'desc' as const, limit: 50 };
    const [bulkPage, plainPage] = [await bulk.listRequests(query), await plain.listRequests(query)];
    expect(bulkPage).toEqual(plainPage);
    // Full text was indexed after the load: a word from a generated prompt finds the same rows.
    const word = bulkPage.rows[0]?.inputPreview.match(/[A-Za-z]{5,}/)?.[0] ?? 'weather';
    const q = requestFilterSchema.parse({ q: word });
    expect(await bulk.countRequests(q)).toBeGreaterThan(0);
    expect(await bulk.countRequests(q)).toBe(await plain.countRequests(q));
  } finally {
    await bulk.close();
    await plain.close();
  }
});
