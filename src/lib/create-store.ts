/**
 * A tiny external store for module-level state that components read with useStore() (toasts,
 * the theme, the clock, the API key, …). `start` runs when the first component subscribes and
 * may return a stop function, run when the last one leaves (a timer, a media query listener).
 */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T | ((previous: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T, start?: (store: Store<T>) => () => void): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;

  const store: Store<T> = {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (previous: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && start) stop = start(store);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
  };
  return store;
}

/** The store's state, or a slice of it (`select` must return equal primitives or the same object for equal state). */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S;
export function useStore<T, S>(store: Store<T>, select?: (state: T) => S): T | S {
  return useSyncExternalStore(store.subscribe, () => (select ? select(store.get()) : store.get()));
}
