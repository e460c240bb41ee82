import { describe, expect, it } from 'vitest';
import { queuesHref, queuesRoute } from './queues-url.ts';

describe('queue page paths', () => {
  it('round-trips the list, a reviewer screen and a summary', () => {
    for (const route of [{ page: 'list' }, { page: 'review', id: 7 }, { page: 'summary', id: 12 }] as const)
      expect(queuesRoute(queuesHref(route))).toEqual(route);
    expect(queuesRoute('/queues/')).toEqual({ page: 'list' });
  });

  it('is not a queue page otherwise', () => {
    for (const path of [
      '/',
      '/prompts',
      '/queues/0/review',
      '/queues/abc/review',
      '/queues/3',
      '/queues/3/edit',
    ])
      expect(queuesRoute(path), path).toBeNull();
  });
});
