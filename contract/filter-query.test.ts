import { describe, expect, test } from 'vitest';
import type { RequestFilter } from './api.ts';
import {
  filterToParams,
  isEmptyFilter,
  listToParams,
  parseFilterParams,
  parseListParams,
  parseTimeParam,
} from './filter-query.ts';

describe('parseTimeParam', () => {
  test.each([
    ['1700000000000', 1_700_000_000_000],
    ['2024-04-03T20:57:25Z', Date.UTC(2024, 3, 3, 20, 57, 25)],
    ['2024-04-03T20:57:25', Date.UTC(2024, 3, 3, 20, 57, 25)],
    ['2024-04-03T20:57:25+05', Date.UTC(2024, 3, 3, 15, 57, 25)],
    ['2024-04-03T20:57:25.5-01:30', Date.UTC(2024, 3, 3, 22, 27, 25, 500)],
    ['2024-04-03', Date.UTC(2024, 3, 3)],
  ])('%s', (raw, expected) => {
    expect(parseTimeParam(raw)).toBe(expected);
  });

  test.each(['9000000000000000', '-5', 'yesterday', '2024-04', '2024-13-45T00:00:00Z', ''])(
    'refuses %j',
    (raw) => {
      expect(parseTimeParam(raw)).toBeUndefined();
    },
  );
});

describe('filter query string', () => {
  test('round-trips every filter kind, sort and cursor', () => {
    const filter: RequestFilter = {
      models: ['gpt-4o', 'o3-mini'],
      providers: ['openai'],
      statuses: ['ERROR'],
      tags: ['prod'],
      promptNames: ['weather'],
      metadata: [{ key: 'user/id', values: ['u 1', 'u=2'] }],
      scores: [
        { name: 'default', min: 50 },
        { name: 'tone', max: 20 },
      ],
      from: Date.UTC(2025, 0, 1),
      to: Date.UTC(2025, 0, 2),
      q: 'weather paris',
    };
    const view = { sort: 'cost', order: 'asc', limit: 100, cursor: 'abc' } as const;
    const params = listToParams({ filter, ...view });
    expect(parseListParams(new URLSearchParams(params.toString()))).toEqual({
      ok: true,
      value: { filter, ...view },
    });
  });

  test('names the parameter at fault', () => {
    const result = parseListParams(
      new URLSearchParams('status=DONE&score.default=5..x&from=9000000000000000&sort=name&limit=0'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.param).sort()).toEqual([
      'from',
      'limit',
      'score.default',
      'sort',
      'status',
    ]);
  });

  test('an empty query is the empty filter', () => {
    const parsed = parseFilterParams(new URLSearchParams('unrelated=1'));
    expect(parsed.ok && isEmptyFilter(parsed.value)).toBe(true);
    expect(filterToParams({}).toString()).toBe('');
  });
});
