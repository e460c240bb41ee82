import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'promptlog-reclaim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a new database returns the space retention frees to the OS (incremental vacuum)', async () => {
  const file = join(dir, 'reclaim.db');
  const store = await openSqliteStore(file);
  const text = (i: number) =>
    `${i} ${'Some long prompt text that is not very repetitive at all. '.repeat(200)}`;
  await store.insertRequests(
    Array.from({ length: 400 }, (_, i) => makeNewRequest({ startMs: 1_000 + i, inputText: text(i) })),
  );
  const full = await store.storageInfo();
  expect(full.reclaim).toBe('incremental-vacuum');
  let after = null;
  do {
    after = (
      await store.purgeBatch({ beforeMs: 10_000, keep: { scored: false, tags: [] }, scan: 100, after })
    ).next;
  } while (after !== null);
  const freed = await store.storageInfo();
  expect(freed.reclaimableBytes).toBeGreaterThan(full.bytes / 2);
  expect(await store.reclaimSpace(Number.MAX_SAFE_INTEGER)).toBeGreaterThan(0);
  const reclaimed = await store.storageInfo();
  expect(reclaimed.reclaimableBytes).toBe(0);
  expect(reclaimed.bytes).toBeLessThan(full.bytes / 2);
  await store.close();
  expect(statSync(file).size).toBe(reclaimed.bytes);
});
