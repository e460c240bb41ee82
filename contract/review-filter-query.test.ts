import { describe, expect, it } from 'vitest';
import { filterToParams, parseFilterParams } from './filter-query.ts';

describe('review filters in the query string', () => {
  it('round-trips noscore, scored_by and commented', () => {
    const params = new URLSearchParams(
      'noscore=helpfulness&noscore=tone&scored_by=Ana%20B&commented=true&tag=x',
    );
    const parsed = parseFilterParams(params);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value).toMatchObject({
      noScores: ['helpfulness', 'tone'],
      scoredBy: ['Ana B'],
      commented: true,
      tags: ['x'],
    });
    expect(filterToParams(parsed.value).toString()).toBe(
      'tag=x&noscore=helpfulness&noscore=tone&scored_by=Ana+B&commented=true',
    );
  });

  it('round-trips prompt_version (issue #9) and names it when it is not a version number', () => {
    const parsed = parseFilterParams(new URLSearchParams('prompt=weather&prompt_version=3&prompt_version=4'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value).toMatchObject({ promptNames: ['weather'], promptVersions: [3, 4] });
    expect(filterToParams(parsed.value).toString()).toBe('prompt=weather&prompt_version=3&prompt_version=4');
    for (const bad of ['prompt_version=abc', 'prompt_version=0', 'prompt_version=1.5']) {
      const result = parseFilterParams(new URLSearchParams(bad));
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.issues.map((issue) => issue.param)).toContain('prompt_version');
    }
  });

  it('leaves them out when absent and names the parameter at fault', () => {
    const empty = parseFilterParams(new URLSearchParams(''));
    expect(empty.ok && empty.value.noScores).toBeUndefined();
    const cases: [string, string][] = [
      ['commented=yes', 'commented'],
      ['commented=true&commented=true', 'commented'],
      ['noscore=', 'noscore'],
      [`scored_by=${'a'.repeat(2000)}`, 'scored_by'],
      [Array.from({ length: 200 }, (_, i) => `noscore=n${i}`).join('&'), 'noscore'],
    ];
    for (const [query, param] of cases) {
      const result = parseFilterParams(new URLSearchParams(query));
      expect(result.ok, query).toBe(false);
      if (!result.ok) expect(result.issues.map((issue) => issue.param)).toContain(param);
    }
  });
});
