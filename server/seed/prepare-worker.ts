/**
 * Worker thread of the bulk seed: generates wire bodies, normalises them (the same
 * normalizeLogRequest as POST /log-request) and turns them into the SQLite store's insert
 * parameters (toInsertRow, as insertRequests does), posting batches to the inserting thread. It stays
 * at most `credits` batches ahead, so memory holds a few batches whatever the count.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { normalizeLogRequest } from '../ingest/normalize-log-request.ts';
import { type InsertRow, toInsertRow } from '../store/sqlite/insert.ts';
import { type GenerateOptions, generateLogRequests } from './generate.ts';

export interface PrepareWorkerData {
  count: number;
  batchSize: number;
  credits: number;
  generate: GenerateOptions;
}

export type PrepareMessage = { type: 'batch'; requests: InsertRow[] } | { type: 'done' };

const port = parentPort;
if (port === null) throw new Error('prepare-worker must run in a worker thread');
const data = workerData as PrepareWorkerData;
let credits = data.credits;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

async function post(requests: InsertRow[]): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  port?.postMessage({ type: 'batch', requests } satisfies PrepareMessage);
}

let batch: InsertRow[] = [];
for (const body of generateLogRequests(data.count, data.generate)) {
  batch.push(toInsertRow(normalizeLogRequest(body)));
  if (batch.length >= data.batchSize) {
    await post(batch);
    batch = [];
  }
}
if (batch.length > 0) await post(batch);
port.postMessage({ type: 'done' } satisfies PrepareMessage);
port.close();
