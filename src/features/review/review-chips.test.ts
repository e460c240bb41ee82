import { describe, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import { filterToParams } from '../../../contract/filter-query.ts';
import { reviewChips, withCommented, withNoScore, withScoredBy } from './review-chips.ts';

describe('review chips', () => {
  it('adds each condition once and removes it by its chip', () => {
    let filter = withNoScore(withNoScore(emptyFilter(), 'tone'), 'tone');
    filter = withScoredBy(filter, 'Ana');
    filter = withCommented(filter, true);
    expect(filterToParams(filter).toString()).toBe('noscore=tone&scored_by=Ana&commented=true');
    const chips = reviewChips(filter);
    expect(chips.map((c) => c.label)).toEqual(['No score tone', 'Scored by Ana', 'Has a comment']);
    const cleared = chips.reduce((f, chip) => chip.without(f), filter);
    expect(filterToParams(cleared).toString()).toBe('');
    expect(withCommented(withCommented(emptyFilter(), true), false)).toEqual(emptyFilter());
  });
});
