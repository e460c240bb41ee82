import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyFilter, requestFilterSchema } from '../../contract/api.ts';
import { openStore } from '../store/open-store.ts';
import { seedStore } from './seed-store.ts';

describe('seedStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlog-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every generated request through the ingest path into a real store, in batches', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const progress: number[] = [];
      const result = await seedStore(store, {
        count: 700,
        batchSize: 250,
        seed: 'seed-store-test',
        extraTags: ['sample'],
        onProgress: (inserted) => progress.push(inserted),
      });
      expect(result.inserted).toBe(700);
      expect(progress).toEqual([250, 500, 700]);
      expect(await store.countRequests(emptyFilter())).toBe(700);
      expect(await store.countRequests(requestFilterSchema.parse({ tags: ['sample'] }))).toBe(700);
      const facets = await store.facets();
      expect(facets.providers.map((p) => p.value).sort()).toEqual([
        'anthropic',
        'google',
        'mistral',
        'openai',
      ]);
      expect(facets.statuses.map((s) => s.value).sort()).toEqual(['ERROR', 'SUCCESS', 'WARNING']);
      expect(facets.metadataKeys.map((k) => k.value)).toContain('user_id');
      expect(facets.scoreNames.length).toBeGreaterThanOrEqual(3);
      const page = await store.listRequests({ filter: emptyFilter(), sort: 'time', order: 'desc', limit: 5 });
      const first = page.rows[0];
      expect(first).toBeDefined();
      if (first) {
        const detail = await store.getRequest(first.id);
        expect(detail?.input).toMatchObject({ type: expect.stringMatching(/^(chat|completion)$/) });
      }
    } finally {
      await store.close();
    }
  });
});
