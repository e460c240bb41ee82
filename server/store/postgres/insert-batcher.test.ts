import { describe, expect, it } from 'vitest';
import { makeNewRequest } from '../../testing/factories.ts';
import type { NewRequest } from '../store.ts';
import { DatabaseUnavailableError } from './errors.ts';
import { InsertBatcher } from './insert-batcher.ts';

// The batcher's own logic (grouping, retry policy) over a recording writer; the SQL it drives is
// covered by the PostgreSQL contract suite.
function recordingWriter(fail: (batch: NewRequest[]) => Error | null) {
  const calls: string[][] = [];
  let nextId = 1;
  const write = async (batch: NewRequest[]) => {
    calls.push(batch.map((request) => request.model));
    const error = fail(batch);
    if (error) throw error;
    return batch.map(() => nextId++);
  };
  return { calls, write };
}

describe('InsertBatcher', () => {
  it('groups concurrent inserts into one statement and resolves each with its id', async () => {
    const writer = recordingWriter(() => null);
    const batcher = new InsertBatcher(writer.write);
    const ids = await Promise.all(['a', 'b', 'c'].map((model) => batcher.insert(makeNewRequest({ model }))));
    expect(ids).toEqual([1, 2, 3]);
    expect(writer.calls).toEqual([['a', 'b', 'c']]);
  });

  it('retries a failed group one by one, so one bad request fails alone', async () => {
    const writer = recordingWriter((batch) =>
      batch.some((request) => request.model === 'bad') ? new Error('bad row') : null,
    );
    const batcher = new InsertBatcher(writer.write);
    const results = await Promise.allSettled(
      ['a', 'bad', 'c'].map((model) => batcher.insert(makeNewRequest({ model }))),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writer.calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('fails the whole group at once when the database is unreachable (no per-row retries)', async () => {
    const writer = recordingWriter(() => new DatabaseUnavailableError('down'));
    const batcher = new InsertBatcher(writer.write);
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((model) => batcher.insert(makeNewRequest({ model }))),
    );
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(writer.calls).toHaveLength(1);
  });
});
