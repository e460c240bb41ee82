/** The current time, re-read every 30 s by one shared timer, so relative times ("5m ago") stay true. */
import { createStore, useStore } from './create-store.ts';

const TICK_MS = 30_000;
const now = createStore(Date.now(), (store) => {
  store.set(Date.now());
  const timer = setInterval(() => store.set(Date.now()), TICK_MS);
  return () => clearInterval(timer);
});

export function useNow(): number {
  return useStore(now);
}
