/**
 * The seed CLI's fast path for SQLite (an exclusive writer): generation and normalisation run in
 * a worker thread while this thread inserts, and full text is indexed once at the end
 * (SqliteStore bulk-load mode). Same ingest path as seedStore, two cores instead of one.
 */
import { Worker } from 'node:worker_threads';
import type { SqliteStore } from '../store/sqlite/index.ts';
import type { PrepareMessage, PrepareWorkerData } from './prepare-worker.ts';
import type { SeedOptions, SeedResult } from './seed-store.ts';

const CREDITS = 4;

// Workers do not inherit tsx's loader on Node 20: register it, then load the TypeScript entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });
`;

export interface BulkSeedResult extends SeedResult {
  /** Time spent indexing full text and rebuilding secondary indexes after the load. */
  indexMs: number;
}

export async function bulkSeedSqlite(store: SqliteStore, options: SeedOptions): Promise<BulkSeedResult> {
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const workerData: PrepareWorkerData = {
    count: options.count,
    batchSize,
    credits: CREDITS,
    generate: {
      seed: options.seed ?? 1,
      now: options.now ?? Date.now(),
      extraTags: [...(options.extraTags ?? [])],
      startIndex: options.startIndex ?? 0,
    },
  };
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      ...workerData,
      tsx: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./prepare-worker.ts', import.meta.url).href,
    },
  });
  let inserted = 0;
  let insertMs = 0;
  store.beginBulkLoad(options.count);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`seed worker exited with code ${code}`));
      });
      worker.on('message', (message: PrepareMessage) => {
        if (message.type === 'done') {
          resolve();
          return;
        }
        worker.postMessage('more');
        const before = performance.now();
        try {
          store.insertRows(message.requests);
        } catch (error) {
          reject(error);
          return;
        }
        insertMs += performance.now() - before;
        inserted += message.requests.length;
        options.onProgress?.(inserted, performance.now() - started);
      });
    });
  } finally {
    await worker.terminate();
  }
  const indexStart = performance.now();
  store.finishBulkLoad();
  const indexMs = performance.now() - indexStart;
  const cpu = process.cpuUsage(cpuStart);
  const elapsedMs = performance.now() - started;
  return {
    inserted,
    elapsedMs,
    prepareMs: Math.max(0, elapsedMs - insertMs - indexMs),
    insertMs,
    indexMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}
