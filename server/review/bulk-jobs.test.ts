import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFilter } from '../../contract/api.ts';
import type { BulkJob } from '../../contract/bulk.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { makeNewRequest } from '../testing/factories.ts';
import { BulkJobs } from './bulk-jobs.ts';

describe('BulkJobs', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promptlog-bulk-'));
    store = await openStore({ dataDir: dir });
    await store.insertRequests(Array.from({ length: 10 }, (_, i) => makeNewRequest({ startMs: 1_000 + i })));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tagged = () => store.countRequests({ ...emptyFilter(), tags: ['t'] });

  it('stops after the batch in flight when cancelled midway, keeping the batches done', async () => {
    const finished: BulkJob[] = [];
    let jobs: BulkJobs | null = null;
    let id = '';
    jobs = new BulkJobs(
      store,
      async (job) => {
        finished.push(job);
      },
      3,
      (job) => {
        if (job.batches === 2) jobs?.cancel(id);
      },
    );
    id = jobs.start({
      action: { kind: 'add-tag', tag: 't' },
      filter: emptyFilter(),
      query: '',
      total: 10,
      actor: 'a',
    }).id;
    const job = await jobs.settled(id);
    expect(job).toMatchObject({ state: 'cancelled', done: 6, batches: 2 });
    expect(await tagged()).toBe(6);
    expect(finished).toEqual([expect.objectContaining({ id, state: 'cancelled', done: 6 })]);
  });

  it('runs to the end in batches and reports a failure as failed', async () => {
    const jobs = new BulkJobs(store, async () => undefined, 4);
    const ok = jobs.start({
      action: { kind: 'add-tag', tag: 't' },
      filter: emptyFilter(),
      query: '',
      total: 10,
      actor: 'a',
    });
    expect((await jobs.settled(ok.id))?.batches).toBe(3);
    expect(await tagged()).toBe(10);
    await store.close();
    const broken = jobs.start({
      action: { kind: 'add-tag', tag: 'u' },
      filter: emptyFilter(),
      query: '',
      total: 10,
      actor: 'a',
    });
    expect(await jobs.settled(broken.id)).toMatchObject({ state: 'failed', error: expect.any(String) });
    store = await openStore({ dataDir: dir });
  });
});
