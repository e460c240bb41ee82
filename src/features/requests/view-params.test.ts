import { describe, expect, it } from 'vitest';
import { emptyFilter, type RequestFilter } from '../../../contract/api.ts';
import { parseOpenRequest, parseView, serializeView } from './view-params.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');

const fullFilter: RequestFilter = {
  models: ['gpt-4o', 'claude-sonnet-4'],
  providers: ['openai'],
  statuses: ['ERROR', 'WARNING'],
  tags: ['prod', 'a b/c'],
  promptNames: ['weather'],
  metadata: [
    { key: 'user_id', values: ['u-1', 'u-2'] },
    { key: 'env name', values: ['prod & staging'] },
  ],
  scores: [
    { name: 'default', min: 50, max: 100 },
    { name: 'helpful', min: 80 },
  ],
  from: Date.parse('2026-11-01T00:00:00Z'),
  to: Date.parse('2026-11-02T00:00:00Z'),
  q: 'weather in paris',
};

describe('view params', () => {
  it('round-trips every filter kind, the sort and the open request', () => {
    const search = serializeView({
      filter: fullFilter,
      sort: 'cost',
      order: 'asc',
      range: null,
      openRequestId: 42,
    });
    const view = parseView(search, NOW);
    expect(view.query.filter).toEqual(fullFilter);
    expect(view.query.sort).toBe('cost');
    expect(view.query.order).toBe('asc');
    expect(view.range).toBeNull();
    expect(view.ignoredParams).toEqual([]);
    expect(parseOpenRequest(search)).toBe(42);
  });

  it('uses the API parameter names in the URL', () => {
    const search = serializeView({
      filter: {
        ...emptyFilter(),
        models: ['gpt-4o'],
        metadata: [{ key: 'env', values: ['prod'] }],
        scores: [{ name: 'default', min: 80 }],
      },
      sort: 'time',
      order: 'desc',
      range: null,
      openRequestId: null,
    });
    expect(search).toBe('model=gpt-4o&meta.env=prod&score.default=80..');
  });

  it('writes a rolling range as range= and computes from when read', () => {
    const search = serializeView({
      filter: { ...emptyFilter(), from: 123, to: 456 },
      sort: 'time',
      order: 'desc',
      range: '1h',
      openRequestId: null,
    });
    expect(search).toBe('range=1h');
    const view = parseView(search, NOW);
    expect(view.range).toBe('1h');
    expect(view.query.filter.from).toBe(NOW - 3600_000);
    expect(view.query.filter.to).toBeUndefined();
  });

  it('is empty for the default view', () => {
    expect(
      serializeView({ filter: emptyFilter(), sort: 'time', order: 'desc', range: null, openRequestId: null }),
    ).toBe('');
    const view = parseView('', NOW);
    expect(view.query).toEqual({ filter: emptyFilter(), sort: 'time', order: 'desc', limit: 50 });
  });

  it('drops invalid parameters and keeps the rest', () => {
    const view = parseView('model=gpt-4o&status=BOGUS&sort=nope&score.default=x&range=2y', NOW);
    expect(view.query.filter.models).toEqual(['gpt-4o']);
    expect(view.query.filter.statuses).toEqual([]);
    expect(view.query.filter.scores).toEqual([]);
    expect(view.query.sort).toBe('time');
    expect(view.range).toBeNull();
    expect(view.ignoredParams).toEqual(expect.arrayContaining(['status', 'score.default', 'sort']));
  });

  it('reads only positive integer request ids', () => {
    expect(parseOpenRequest('request=17')).toBe(17);
    expect(parseOpenRequest('request=0')).toBeNull();
    expect(parseOpenRequest('request=abc')).toBeNull();
    expect(parseOpenRequest('')).toBeNull();
  });
});
