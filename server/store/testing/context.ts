/** Shared state of one contract-suite run: a fresh store per test, seeded on demand. */
import { afterEach, beforeEach } from 'vitest';
import { emptyFilter, type RequestFilter } from '../../../contract/api.ts';
import type { Store } from '../store.ts';
import { COUNT, datasetRequest, type Stored } from './dataset.ts';

export interface ContractContext {
  store: () => Store;
  /** Inserts the dataset (half one by one, half in one batch) and returns it with ids. */
  seed: () => Promise<Stored[]>;
}

export function useContractContext(openStore: () => Promise<Store>): ContractContext {
  let current: Store | null = null;
  beforeEach(async () => {
    current = await openStore();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  const store = () => {
    if (!current) throw new Error('store not open');
    return current;
  };
  return {
    store,
    seed: async () => {
      const requests = Array.from({ length: COUNT }, (_, i) => datasetRequest(i));
      const half = COUNT / 2;
      const ids: number[] = [];
      for (const request of requests.slice(0, half)) ids.push(await store().insertRequest(request));
      ids.push(...(await store().insertRequests(requests.slice(half))));
      return requests.map((request, i) => ({ id: ids[i] as number, request }));
    },
  };
}

export function filter(partial: Partial<RequestFilter> = {}): RequestFilter {
  return { ...emptyFilter(), ...partial };
}
