/**
 * Writes generated sample requests into a store through THE ingest path
 * (normalizeLogRequest), in batches of one transaction each.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { normalizeLogRequest } from '../ingest/normalize-log-request.ts';
import type { NewRequest, Store } from '../store/store.ts';
import { type GenerateOptions, generateLogRequests } from './generate.ts';

export interface SeedOptions extends GenerateOptions {
  count: number;
  /** Requests per insertRequests() call (one transaction). Default 5,000. */
  batchSize?: number;
  /** Mark the rows as sample data (Store.insertSampleRequests), so they can be removed exactly. */
  sample?: boolean;
  /** Called after each batch with the running total. */
  onProgress?: (inserted: number, elapsedMs: number) => void;
}

export interface SeedResult {
  inserted: number;
  elapsedMs: number;
  /** Time spent generating and normalising vs. inside the store's insert. */
  prepareMs: number;
  insertMs: number;
  /** CPU time this process used meanwhile (user + system): what the run costs on a quiet machine. */
  cpuMs: number;
}

export async function seedStore(store: Store, options: SeedOptions): Promise<SeedResult> {
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let prepareMs = 0;
  let insertMs = 0;
  let inserted = 0;
  let batch: NewRequest[] = [];
  let mark = performance.now();

  const flush = async () => {
    const before = performance.now();
    prepareMs += before - mark;
    await (options.sample ? store.insertSampleRequests(batch) : store.insertRequests(batch));
    mark = performance.now();
    insertMs += mark - before;
    inserted += batch.length;
    batch = [];
    options.onProgress?.(inserted, mark - started);
    // SQLite inserts are synchronous: let a server's other requests run between batches.
    await yieldToEventLoop();
    mark = performance.now();
  };

  for (const body of generateLogRequests(options.count, options)) {
    batch.push(normalizeLogRequest(body));
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  const cpu = process.cpuUsage(cpuStart);
  return {
    inserted,
    elapsedMs: performance.now() - started,
    prepareMs,
    insertMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}
