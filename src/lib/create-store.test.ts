import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.ts';

describe('createStore', () => {
  it('notifies subscribers on change only, and starts/stops with the first/last subscriber', () => {
    const events: string[] = [];
    const store = createStore(1, () => {
      events.push('start');
      return () => events.push('stop');
    });
    const a = store.subscribe(() => events.push('a'));
    const b = store.subscribe(() => events.push('b'));
    store.set(2);
    store.set((n) => n); // unchanged: nobody is told
    store.set((n) => n + 1);
    a();
    b();
    expect(store.get()).toBe(3);
    expect(events).toEqual(['start', 'a', 'b', 'a', 'b', 'stop']);
  });
});
