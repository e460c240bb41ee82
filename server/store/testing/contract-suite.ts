/**
 * The storage contract: every Store method, run unchanged against each adapter.
 *   runStoreContract('sqlite', () => openSqliteStore(tempFile()))
 * `openStore` must return a fresh, empty store each time (it is called before every test).
 */
import { describe } from 'vitest';
import type { Store } from '../store.ts';
import { defineAnnotationTests } from './annotation-tests.ts';
import { useContractContext } from './context.ts';
import { defineListTests } from './list-tests.ts';
import { definePayloadTests } from './payload-tests.ts';
import { defineQueueTests } from './queue-tests.ts';
import { defineRetentionTests } from './retention-tests.ts';
import { defineReviewTests } from './review-tests.ts';
import { defineRicherFilterTests } from './richer-filter-tests.ts';
import { defineSearchTests } from './search-tests.ts';
import { defineSpanTests } from './span-tests.ts';
import { defineTextSearchTests } from './text-search-tests.ts';
import { defineTimelineTests } from './timeline-tests.ts';
import { defineTraceIdTests } from './trace-id-tests.ts';

export function runStoreContract(label: string, openStore: () => Promise<Store>): void {
  describe(`store contract: ${label}`, () => {
    const ctx = useContractContext(openStore);
    defineListTests(ctx);
    defineAnnotationTests(ctx);
    defineSearchTests(ctx);
    defineTraceIdTests(ctx);
    defineSpanTests(ctx);
    defineTextSearchTests(ctx);
    definePayloadTests(ctx);
    defineRetentionTests(ctx);
    defineReviewTests(ctx);
    defineQueueTests(ctx);
    defineRicherFilterTests(ctx);
    defineTimelineTests(ctx);
  });
}
