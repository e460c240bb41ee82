/**
 * A read-pool worker (read-pool.ts): its own read-only connection to the database file and a
 * SqliteStore over it, answering one read at a time. Runs in a worker thread so that a slow
 * user-built query never blocks the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ReadJob, ReadReply, ReadWorkerData } from './read-pool.ts';
import { SqliteStore } from './sqlite-store.ts';

const data = workerData as ReadWorkerData;
const db = new Database(data.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma(`cache_size = -${data.cacheMiB * 1024}`);
db.pragma('temp_store = MEMORY');
const store = new SqliteStore(db, data.cacheMiB);
const port = parentPort;
if (!port) throw new Error('read-worker must run in a worker thread');

port.on('message', async (job: ReadJob) => {
  let reply: ReadReply;
  try {
    const method = store[job.method] as (...args: unknown[]) => Promise<unknown>;
    reply = { id: job.id, ok: true, value: await method.apply(store, job.args) };
  } catch (error) {
    const e = error as Error & { code?: unknown; field?: unknown };
    reply = {
      id: job.id,
      ok: false,
      error: {
        name: e.name,
        message: e.message,
        code: typeof e.code === 'string' ? e.code : undefined,
        field: typeof e.field === 'string' ? e.field : undefined,
      },
    };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
