/**
 * Moves WAL checkpoints off the event loop. The main connection never checkpoints on its own
 * (wal_autocheckpoint = 0); a worker thread with its own connection copies the WAL back into
 * the database every CHECKPOINT_MS with a PASSIVE checkpoint, which never blocks the writer.
 * Without this, every ~1,000 pages a commit would stall the server for the copy and its fsync.
 */
import { Worker } from 'node:worker_threads';

const CHECKPOINT_MS = 250;

// Plain JS so it runs the same under tsx, vitest and a bundler.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let stopped = false;
const tick = () => {
  if (stopped) return;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
  setTimeout(tick, workerData.intervalMs);
};
setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopped = true;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); parentPort.postMessage('stopped'); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, driverPath: string): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: driverPath, intervalMs: CHECKPOINT_MS },
  });
  worker.unref();
  worker.on('message', (message) => {
    if (message !== 'stopped') console.error(`promptlog: WAL checkpoint failed: ${message}`);
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('message', () => {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        });
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
