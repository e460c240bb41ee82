import { describe, expect, it } from 'vitest';
import { neighbor } from './list-neighbors.ts';
import { triageAction } from './triage-keys.ts';

describe('neighbor', () => {
  const ids = [50, 40, 30, 20];

  it('moves within the loaded rows', () => {
    expect(neighbor(ids, 40, 1, false, null)).toEqual({ kind: 'id', id: 30, index: 2 });
    expect(neighbor(ids, 40, -1, false, null)).toEqual({ kind: 'id', id: 50, index: 0 });
  });

  it('asks for the next page at the end, stops when there is none', () => {
    expect(neighbor(ids, 20, 1, true, 3)).toEqual({ kind: 'load-more' });
    expect(neighbor(ids, 20, 1, false, 3)).toEqual({ kind: 'none' });
    expect(neighbor(ids, 50, -1, true, 0)).toEqual({ kind: 'none' });
  });

  it('continues from the last position when the open request left the list', () => {
    const after = [50, 30, 20]; // 40 was scored out of a score-filtered list
    expect(neighbor(after, 40, 1, false, 1)).toEqual({ kind: 'id', id: 30, index: 1 });
    expect(neighbor(after, 40, -1, false, 1)).toEqual({ kind: 'id', id: 50, index: 0 });
  });

  it('starts at the top for a request that was never in the list', () => {
    expect(neighbor(ids, 999, 1, false, null)).toEqual({ kind: 'id', id: 50, index: 0 });
    expect(neighbor(ids, 999, -1, false, null)).toEqual({ kind: 'none' });
    expect(neighbor([], 999, 1, true, null)).toEqual({ kind: 'load-more' });
  });
});

describe('triageAction', () => {
  it('maps the documented keys', () => {
    expect(triageAction('j')).toEqual({ type: 'next' });
    expect(triageAction('k')).toEqual({ type: 'previous' });
    expect(triageAction('m')).toEqual({ type: 'focus-metadata' });
    expect(triageAction('c')).toEqual({ type: 'copy-id' });
    expect(['0', '1', '2', '3', '4', '5'].map((k) => triageAction(k))).toEqual(
      [0, 20, 40, 60, 80, 100].map((value) => ({ type: 'score', value })),
    );
    expect(triageAction('6')).toBeNull();
    expect(triageAction('J')).toBeNull();
  });
});
