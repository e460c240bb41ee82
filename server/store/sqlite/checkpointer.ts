/**
 * Keeps the WAL bounded without stalling the event loop. The main connection never checkpoints
 * on its own (wal_autocheckpoint = 0); a worker thread with its own connection copies the WAL
 * back into the database every CHECKPOINT_MS with a PASSIVE checkpoint, which never blocks the
 * writer.
 *
 * PASSIVE alone never shrinks the WAL under sustained ingest: the log only starts over from its
 * beginning when a write begins after *every* frame has been copied, and with writes arriving
 * continuously the copy never quite catches up. So when the log passes `thresholdBytes` the
 * worker first catches up with PASSIVE passes, then asks the store to hold new writes for a
 * moment (the ingest queue keeps filling; reads go on), finishes the small remainder with a
 * RESTART checkpoint and lets writes go again: the next write starts the log over, and
 * journal_size_limit trims the file. When writes stop, a TRUNCATE checkpoint brings the file to
 * zero bytes. Readers must keep their transactions short, or the restart waits for them.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WalStats } from '../store.ts';

const CHECKPOINT_MS = 250;
/** The WAL restarts once it holds this much (also the journal_size_limit the file is trimmed to). */
export const DEFAULT_WAL_THRESHOLD_BYTES = 64 * 1024 * 1024;
/** Writes quiet for this long: truncate the WAL file to zero bytes. */
const IDLE_TRUNCATE_MS = 1000;
/** The hold is released after this long even if the worker never answers. */
const MAX_HOLD_MS = 1000;

export type CheckpointStats = WalStats;

export interface WriteHold {
  /** Stop starting write transactions (none is open when this is called). */
  hold(): void;
  /** Start them again. */
  release(): void;
}

interface CheckpointerOptions {
  file: string;
  driverPath: string;
  hold: WriteHold;
  thresholdBytes?: number;
  intervalMs?: number;
}

// Plain JS so it runs the same under tsx, vitest and a bundler.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 50');
const pageSize = db.pragma('page_size', { simple: true });
const CATCH_UP_PAGES = 64;
const HOLD_MAX_BACKLOG_PAGES = 1024;
const RETRY_MS = 25;
let stopped = false;
let lastLog = -1;
let quietSince = Date.now();
let holdResolve = null;

const checkpoint = (mode) => {
  const [row] = db.pragma('wal_checkpoint(' + mode + ')');
  return { busy: row.busy, log: row.log, done: row.checkpointed };
};
const report = (r, extra) => parentPort.postMessage({
  type: 'checkpoint', logBytes: Math.max(0, r.log) * pageSize,
  complete: r.busy === 0 && r.log === r.done, ...extra,
});
const held = () => new Promise((resolve) => { holdResolve = resolve; parentPort.postMessage({ type: 'hold' }); });

async function underHold(mode) {
  await held();
  const started = Date.now();
  let r;
  try { r = checkpoint(mode); } finally { parentPort.postMessage({ type: 'release' }); }
  report(r, { mode, heldMs: Date.now() - started });
  return r;
}

/** One round; returns how long to wait before the next (sooner when a restart did not complete). */
async function tick() {
  let r = checkpoint('PASSIVE');
  report(r, {});
  const logBytes = r.log * pageSize;
  if (r.log !== lastLog) { lastLog = r.log; quietSince = Date.now(); }
  if (logBytes >= workerData.thresholdBytes) {
    // A pass reports the log as it was when the pass began: passes that still find frames to copy
    // mean writes arrived meanwhile. Catch up until a pass copies almost nothing.
    for (let i = 0; i < 16; i++) {
      const before = r.done;
      r = checkpoint('PASSIVE');
      if (r.done - before <= CATCH_UP_PAGES) break;
    }
    // Frames newer than a reader's snapshot stay uncopied until it ends; readers are short, so
    // few are left. Many left means a long reader: holding writes would only wait for it.
    if (r.log - r.done > HOLD_MAX_BACKLOG_PAGES) return RETRY_MS;
    const restarted = await underHold('RESTART');
    lastLog = -1;
    return restarted.busy === 0 ? workerData.intervalMs : RETRY_MS;
  }
  if (r.log > 0 && r.log === r.done && Date.now() - quietSince >= workerData.idleMs) {
    const t = await underHold('TRUNCATE');
    if (t.busy === 0) lastLog = 0;
  }
  return workerData.intervalMs;
}

async function loop() {
  while (!stopped) {
    let delay = workerData.intervalMs;
    try { delay = await tick(); } catch (error) {
      // A tick still awaiting its hold when 'stop' closed the connection is not a failure.
      if (!stopped) parentPort.postMessage({ type: 'error', message: String(error) });
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
parentPort.on('message', (message) => {
  if (message === 'held' && holdResolve) { const resolve = holdResolve; holdResolve = null; resolve(); return; }
  if (message !== 'stop') return;
  stopped = true;
  try { checkpoint('PASSIVE'); } finally { db.close(); parentPort.postMessage({ type: 'stopped' }); }
});
loop();
`;

interface WorkerMessage {
  type: 'checkpoint' | 'hold' | 'release' | 'error' | 'stopped';
  logBytes?: number;
  complete?: boolean;
  mode?: 'RESTART' | 'TRUNCATE';
  heldMs?: number;
  message?: string;
}

export class Checkpointer {
  private readonly worker: Worker;
  private readonly walFile: string;
  private holdStartedAt = 0;
  private holdTimer: NodeJS.Timeout | null = null;
  private readonly current: CheckpointStats = {
    walFileBytes: 0,
    walLogBytes: 0,
    walFileHighWaterBytes: 0,
    lastCompleteCheckpointMs: 0,
    checkpoints: 0,
    restarts: 0,
    truncates: 0,
    holds: 0,
    holdMsTotal: 0,
    holdMsMax: 0,
    errors: 0,
  };

  constructor(private readonly options: CheckpointerOptions) {
    this.walFile = `${options.file}-wal`;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: options.file,
        driver: options.driverPath,
        intervalMs: options.intervalMs ?? CHECKPOINT_MS,
        thresholdBytes: options.thresholdBytes ?? DEFAULT_WAL_THRESHOLD_BYTES,
        idleMs: IDLE_TRUNCATE_MS,
      },
    });
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'hold') {
      // Runs between macrotasks: no write transaction is open on the main connection now.
      this.options.hold.hold();
      this.holdStartedAt = performance.now();
      this.holdTimer = setTimeout(() => this.release(), MAX_HOLD_MS);
      this.worker.postMessage('held');
    } else if (message.type === 'release') {
      this.release();
    } else if (message.type === 'checkpoint') {
      this.onCheckpoint(message);
    } else if (message.type === 'error') {
      this.current.errors += 1;
      console.error(`promptlog: WAL checkpoint failed: ${message.message}`);
    }
  }

  private release(): void {
    if (this.holdTimer === null) return;
    clearTimeout(this.holdTimer);
    this.holdTimer = null;
    const heldMs = performance.now() - this.holdStartedAt;
    this.current.holds += 1;
    this.current.holdMsTotal += heldMs;
    this.current.holdMsMax = Math.max(this.current.holdMsMax, heldMs);
    this.options.hold.release();
  }

  private onCheckpoint(message: WorkerMessage): void {
    const stats = this.current;
    stats.checkpoints += 1;
    stats.walLogBytes = message.logBytes ?? 0;
    if (message.complete) stats.lastCompleteCheckpointMs = Date.now();
    if (message.complete && message.mode === 'RESTART') stats.restarts += 1;
    if (message.complete && message.mode === 'TRUNCATE') {
      stats.truncates += 1;
      stats.walLogBytes = 0;
    }
    this.measureFile();
  }

  private measureFile(): void {
    let size = 0;
    try {
      size = statSync(this.walFile).size;
    } catch {
      // No WAL file (not created yet, or removed on close).
    }
    this.current.walFileBytes = size;
    this.current.walFileHighWaterBytes = Math.max(this.current.walFileHighWaterBytes, size);
  }

  stats(): CheckpointStats {
    this.measureFile();
    return { ...this.current };
  }

  stop(): Promise<void> {
    this.release();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5000);
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type !== 'stopped') return;
        clearTimeout(timer);
        void this.worker.terminate().then(() => resolve());
      });
      this.worker.once('error', () => resolve());
      this.worker.postMessage('stop');
    });
  }
}
