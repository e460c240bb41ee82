import type { Store } from '../store/store.ts';

export interface RouteDeps {
  store: Store;
}
