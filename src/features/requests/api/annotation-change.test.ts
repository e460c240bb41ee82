import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { emptyFilter } from '../../../../contract/api.ts';
import { makeRequestDetail, makeRequestRow } from '../../../../server/testing/factories.ts';
import { requestQueries } from '../api/index.ts';
import { listDependsOn } from './annotate.ts';
import { applyChangeToCache, applyServerAnnotations, cachedAnnotations } from './annotation-cache.ts';
import { type AnnotationChange, applyChange, changeRequest, inverseChange } from './annotation-change.ts';

const base = { tags: ['a'], metadata: { env: 'prod' }, scores: { default: 50 } };

describe('applyChange / inverseChange', () => {
  const cases: AnnotationChange[] = [
    { kind: 'set-metadata', key: 'env', value: 'dev' },
    { kind: 'set-metadata', key: 'user', value: 'u1' },
    { kind: 'delete-metadata', key: 'env' },
    { kind: 'delete-metadata', key: 'absent' },
    { kind: 'set-score', name: 'default', value: 80 },
    { kind: 'set-score', name: 'quality', value: 0 },
    { kind: 'delete-score', name: 'default' },
    { kind: 'add-tag', tag: 'b' },
    { kind: 'add-tag', tag: 'a' },
    { kind: 'remove-tag', tag: 'a' },
    { kind: 'set-metadata', key: 'constructor', value: 'x' },
    { kind: 'set-score', name: 'toString', value: 5 },
  ];

  it.each(cases)('undoes %o exactly', (change) => {
    const after = applyChange(base, change);
    expect(applyChange(after, inverseChange(base, change))).toEqual(base);
  });

  it('keeps an unrelated edit made in between when undoing', () => {
    const first: AnnotationChange = { kind: 'set-score', name: 'default', value: 80 };
    const afterFirst = applyChange(base, first);
    const afterSecond = applyChange(afterFirst, { kind: 'set-score', name: 'quality', value: 10 });
    expect(applyChange(afterSecond, inverseChange(base, first)).scores).toEqual({ default: 50, quality: 10 });
  });

  it('builds the REST call with encoded path segments', () => {
    expect(changeRequest(7, { kind: 'set-score', name: 'a/b c', value: 5 })).toEqual({
      method: 'PUT',
      path: '/api/requests/7/scores/a%2Fb%20c',
      body: { value: 5 },
    });
    expect(changeRequest(7, { kind: 'remove-tag', tag: 'x' })).toEqual({
      method: 'DELETE',
      path: '/api/requests/7/tags/x',
    });
  });
});

describe('cache updates', () => {
  it('patches the detail and the row on whichever page holds it, leaving other pages alone', () => {
    const qc = new QueryClient();
    const view = { filter: emptyFilter(), sort: 'time', order: 'desc', limit: 2 } as const;
    const other = { ...view, sort: 'cost' } as const;
    const pages = [
      { rows: [makeRequestRow({ id: 4 }), makeRequestRow({ id: 3 })], nextCursor: 'c1' },
      { rows: [makeRequestRow({ id: 2 }), makeRequestRow({ id: 1 })], nextCursor: null },
    ];
    qc.setQueryData(requestQueries.list(view).queryKey, { pages, pageParams: [null, 'c1'] });
    qc.setQueryData(requestQueries.list(other).queryKey, {
      pages: [{ rows: [makeRequestRow({ id: 9 })], nextCursor: null }],
      pageParams: [null],
    });
    const detail = makeRequestDetail({ ...makeRequestRow({ id: 2 }), input: null, output: null });
    qc.setQueryData(requestQueries.detail(2).queryKey, detail);
    const otherBefore = qc.getQueryData(requestQueries.list(other).queryKey);

    applyChangeToCache(qc, 2, { kind: 'set-score', name: 'default', value: 60 });

    const list = qc.getQueryData(requestQueries.list(view).queryKey);
    expect(list?.pages[1]?.rows[0]?.scores).toEqual({ default: 60 });
    expect(list?.pages[0]).toBe(pages[0]);
    expect(qc.getQueryData(requestQueries.list(other).queryKey)).toBe(otherBefore);
    expect(qc.getQueryData(requestQueries.detail(2).queryKey)?.scores).toEqual({ default: 60 });

    applyServerAnnotations(qc, 2, { tags: ['t'], metadata: { k: 'v' }, scores: { default: 61 } });
    expect(cachedAnnotations(qc, 2)).toMatchObject({
      tags: ['t'],
      metadata: { k: 'v' },
      scores: { default: 61 },
    });
    qc.removeQueries({ queryKey: requestQueries.detail(2).queryKey });
    expect(cachedAnnotations(qc, 2)?.scores).toEqual({ default: 61 });
    expect(cachedAnnotations(qc, 404)).toBeNull();
  });

  it('knows which lists a change can reshape', () => {
    const view = { filter: emptyFilter(), sort: 'time', order: 'desc', limit: 50 } as const;
    const scored = { ...view, filter: { ...emptyFilter(), scores: [{ name: 'default', min: 50 }] } };
    const setScore: AnnotationChange = { kind: 'set-score', name: 'default', value: 1 };
    expect(listDependsOn(view, setScore)).toBe(false);
    expect(listDependsOn(scored, setScore)).toBe(true);
    expect(listDependsOn(scored, { kind: 'add-tag', tag: 'x' })).toBe(false);
  });
});
