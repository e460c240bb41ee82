/**
 * Runs the user-built reads (PromptLayer search, the dashboard's list, count and live probe) in
 * worker threads with their own read-only connections (WAL lets them read while the main
 * connection writes). A slow query then holds a worker, never the event loop: /api/health,
 * ingest and every other route keep answering. Each lane has one worker, so the expensive
 * PromptLayer search cannot queue the dashboard's list behind it. A read that runs longer than
 * the time limit is answered with QueryTimeoutError (a 503 with Retry-After) and its worker is
 * replaced (better-sqlite3 cannot interrupt a running statement; the old thread is terminated).
 */
import { Worker } from 'node:worker_threads';
import {
  FilterTooBroadError,
  InvalidCursorError,
  InvalidSearchFilterError,
  QueryTimeoutError,
  ReadsBusyError,
} from '../errors.ts';
import type { Store } from '../store.ts';

export type ReadMethod = 'listRequests' | 'countRequests' | 'probe' | 'search' | 'timeline';
type Lane = 'search' | 'dashboard';
const LANE: Record<ReadMethod, Lane> = {
  search: 'search',
  listRequests: 'dashboard',
  countRequests: 'dashboard',
  probe: 'dashboard',
  // A timeline may read up to TIMELINE_LIMITS.scanRows rows: kept off the list's lane.
  timeline: 'search',
};

export interface ReadWorkerData {
  file: string;
  cacheMiB: number;
}
export interface ReadJob {
  id: number;
  method: ReadMethod;
  args: unknown[];
}
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; field?: string } };

export interface ReadPoolOptions {
  /** A read running longer than this is answered with QueryTimeoutError. Default 10 s. */
  timeoutMs?: number;
  /** Reads waiting per lane before new ones are refused with ReadsBusyError. Default 64. */
  maxQueued?: number;
  /** Page cache of each worker's connection. */
  cacheMiB?: number;
}

// Workers do not inherit tsx's loader on Node 20: register it, then load the TypeScript entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });
`;

interface Pending {
  job: ReadJob;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function rebuildError(error: Extract<ReadReply, { ok: false }>['error']): Error {
  if (error.name === 'InvalidCursorError') return new InvalidCursorError(error.message);
  if (error.name === 'FilterTooBroadError')
    return new FilterTooBroadError(error.field ?? 'filter', error.message);
  if (error.name === 'InvalidSearchFilterError')
    return new InvalidSearchFilterError(error.field ?? 'filter', error.message);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

/** One worker and its queue; reads run one at a time, in order. */
class ReadLane {
  private worker: Worker | null = null;
  private ready = false;
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(
    private readonly data: ReadWorkerData,
    private readonly timeoutMs: number,
    private readonly maxQueued: number,
  ) {}

  run(job: ReadJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new ReadsBusyError());
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        ...this.data,
        tsx: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./read-worker.ts', import.meta.url).href,
      },
    });
    worker.unref();
    worker.on('message', (message: ReadReply | 'ready') => {
      if (worker !== this.worker) return;
      if (message === 'ready') {
        this.ready = true;
        this.next();
        return;
      }
      const running = this.running;
      if (!running || running.job.id !== message.id) return;
      clearTimeout(running.timer);
      this.running = null;
      if (message.ok) running.resolve(message.value);
      else running.reject(rebuildError(message.error));
      this.next();
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`read worker exited with code ${code}`)));
    return worker;
  }

  /** The worker died: its read fails, the next one starts a new worker. */
  private fail(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.ready = false;
    const running = this.running;
    this.running = null;
    if (running) {
      clearTimeout(running.timer);
      running.reject(error);
    }
    this.next();
  }

  private next(): void {
    if (this.closed || this.running || this.queue.length === 0) return;
    if (!this.worker) this.worker = this.spawn();
    if (!this.ready) return;
    const pending = this.queue.shift() as Pending;
    const worker = this.worker;
    const timer = setTimeout(() => this.timeOut(worker), this.timeoutMs);
    this.running = { ...pending, timer };
    worker.postMessage(pending.job);
  }

  private timeOut(worker: Worker): void {
    if (worker !== this.worker || !this.running) return;
    const running = this.running;
    this.running = null;
    this.worker = null;
    this.ready = false;
    running.reject(new QueryTimeoutError(this.timeoutMs));
    void worker.terminate();
    this.next();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('store is closed'));
    const worker = this.worker;
    this.worker = null;
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.reject(new Error('store is closed'));
      this.running = null;
    }
    await worker?.terminate();
  }
}

export class ReadPool {
  private readonly lanes: Record<Lane, ReadLane>;
  private nextId = 1;

  constructor(file: string, options: ReadPoolOptions = {}) {
    const data = { file, cacheMiB: options.cacheMiB ?? 16 };
    const timeoutMs = options.timeoutMs ?? 10_000;
    const maxQueued = options.maxQueued ?? 64;
    this.lanes = {
      search: new ReadLane(data, timeoutMs, maxQueued),
      dashboard: new ReadLane(data, timeoutMs, maxQueued),
    };
  }

  run<M extends ReadMethod>(method: M, ...args: Parameters<Store[M]>): ReturnType<Store[M]> {
    const job: ReadJob = { id: this.nextId++, method, args };
    return this.lanes[LANE[method]].run(job) as ReturnType<Store[M]>;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.lanes).map((lane) => lane.close()));
  }
}
