import { describe, expect, it } from 'vitest';
import { filterToParams, parseFilterParams } from './filter-query.ts';

describe('the "in queue" filter in the query string', () => {
  it('round-trips in_queue with and without a state', () => {
    for (const [text, inQueue] of [
      ['in_queue=7', { queueId: 7, state: 'any' }],
      ['in_queue=7%3Apending', { queueId: 7, state: 'pending' }],
      ['in_queue=12%3Adone', { queueId: 12, state: 'done' }],
    ] as const) {
      const parsed = parseFilterParams(new URLSearchParams(text));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      expect(parsed.value.inQueue).toEqual(inQueue);
      expect(filterToParams(parsed.value).toString()).toBe(text);
    }
    const none = parseFilterParams(new URLSearchParams('tag=x'));
    expect(none.ok && none.value.inQueue).toBeUndefined();
  });

  it('names in_queue when it is not a queue id and a state, or given twice', () => {
    for (const bad of [
      'in_queue=',
      'in_queue=abc',
      'in_queue=0',
      'in_queue=3:later',
      'in_queue=1&in_queue=2',
    ]) {
      const result = parseFilterParams(new URLSearchParams(bad));
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.issues.map((issue) => issue.param)).toContain('in_queue');
    }
  });
});
