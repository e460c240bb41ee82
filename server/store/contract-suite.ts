/**
 * The storage contract: every Store method, run unchanged against each adapter.
 *   runStoreContract('sqlite', () => openSqliteStore(tempFile()))
 * `openStore` must return a fresh, empty store each time (it is called before every test).
 */
import { describe } from 'vitest';
import { defineAnnotationTests } from './contract/annotation-tests.ts';
import { useContractContext } from './contract/context.ts';
import { defineListTests } from './contract/list-tests.ts';
import { definePayloadTests } from './contract/payload-tests.ts';
import { defineSearchTests } from './contract/search-tests.ts';
import { defineTextSearchTests } from './contract/text-search-tests.ts';
import { defineTraceIdTests } from './contract/trace-id-tests.ts';
import type { Store } from './store.ts';

export function runStoreContract(label: string, openStore: () => Promise<Store>): void {
  describe(`store contract: ${label}`, () => {
    const ctx = useContractContext(openStore);
    defineListTests(ctx);
    defineAnnotationTests(ctx);
    defineSearchTests(ctx);
    defineTraceIdTests(ctx);
    defineTextSearchTests(ctx);
    definePayloadTests(ctx);
  });
}
