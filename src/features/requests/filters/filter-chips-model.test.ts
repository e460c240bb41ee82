import { describe, expect, it } from 'vitest';
import { emptyFilter, type RequestFilter } from '../../../../contract/api.ts';
import { filterChips, withMetadata, withScore } from './filter-chips-model.ts';

const base = (): RequestFilter => ({
  ...emptyFilter(),
  models: ['gpt-4o', 'gpt-4o-mini'],
  statuses: ['ERROR'],
  metadata: [{ key: 'env', values: ['prod', 'staging'] }],
  scores: [{ name: 'default', min: 50 }],
  q: 'paris',
});

describe('filter chips', () => {
  it('lists one chip per condition with readable labels', () => {
    expect(filterChips(base(), '1h').map((chip) => chip.label)).toEqual([
      'Search: “paris”',
      'Time: Last 1 h',
      'Model: gpt-4o',
      'Model: gpt-4o-mini',
      'Status: Error',
      'env = prod',
      'env = staging',
      'Score default ≥ 50',
    ]);
  });

  it('removing a chip removes exactly that condition', () => {
    const filter = base();
    const chips = filterChips(filter, null);
    const byLabel = (label: string) => chips.find((chip) => chip.label === label);
    expect(byLabel('Model: gpt-4o')?.without(filter).models).toEqual(['gpt-4o-mini']);
    expect(byLabel('env = prod')?.without(filter).metadata).toEqual([{ key: 'env', values: ['staging'] }]);
    const noEnv = byLabel('env = staging')?.without(byLabel('env = prod')?.without(filter) as RequestFilter);
    expect(noEnv?.metadata).toEqual([]);
    expect(byLabel('Score default ≥ 50')?.without(filter).scores).toEqual([]);
    expect(byLabel('Search: “paris”')?.without(filter).q).toBeUndefined();
  });

  it('metadata values OR within a key, keys AND; no duplicates', () => {
    let filter = withMetadata(emptyFilter(), 'env', 'prod');
    filter = withMetadata(filter, 'env', 'prod');
    filter = withMetadata(filter, 'env', 'dev');
    filter = withMetadata(filter, 'user_id', 'u-1');
    expect(filter.metadata).toEqual([
      { key: 'env', values: ['prod', 'dev'] },
      { key: 'user_id', values: ['u-1'] },
    ]);
  });

  it('a score condition replaces the previous one on the same name', () => {
    const filter = withScore(withScore(emptyFilter(), { name: 'default', min: 10 }), {
      name: 'default',
      max: 90,
    });
    expect(filter.scores).toEqual([{ name: 'default', max: 90 }]);
  });

  it('shows bounds as a range, a floor or a ceiling', () => {
    const labels = filterChips(
      {
        ...emptyFilter(),
        scores: [
          { name: 'a', min: 1, max: 2 },
          { name: 'b', max: 5 },
        ],
      },
      null,
    ).map((chip) => chip.label);
    expect(labels).toEqual(['Score a 1–2', 'Score b ≤ 5']);
  });
});
