/**
 * Whole-filter bulk actions (issue #12): a job walks the matching requests newest first in
 * keyset pages of `batchSize` (the list planner, so each read has a bounded cost), applies the
 * action to each page in one transaction, and yields to the event loop between pages so that
 * ingest keeps its turn. Jobs live in this process (progress is polled from the server that
 * runs them); the most recent are kept for a while after they finish.
 */
import { randomUUID } from 'node:crypto';
import type { RequestFilter } from '../../contract/api.ts';
import type { BulkJob, BulkJobAction } from '../../contract/bulk.ts';
import type { Store } from '../store/store.ts';

export const BULK_BATCH = 500;
const KEEP_FINISHED = 50;

export interface StartJob {
  action: BulkJobAction;
  filter: RequestFilter;
  query: string;
  total: number;
  actor: string;
}

interface Running {
  job: BulkJob;
  cancel: boolean;
  finished: Promise<BulkJob>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class BulkJobs {
  private readonly jobs = new Map<string, Running>();

  constructor(
    private readonly store: Store,
    private readonly onFinish: (job: BulkJob) => Promise<void>,
    private readonly batchSize = BULK_BATCH,
    /** Called after each committed batch (tests use it to cancel at a known point). */
    private readonly afterBatch: (job: BulkJob) => void = () => undefined,
  ) {}

  start(input: StartJob): BulkJob {
    const job: BulkJob = {
      id: randomUUID(),
      action: input.action,
      query: input.query,
      state: 'running',
      total: input.total,
      done: 0,
      batches: 0,
      actor: input.actor,
      startedAt: Date.now(),
      finishedAt: null,
      error: null,
    };
    const running: Running = { job, cancel: false, finished: Promise.resolve(job) };
    running.finished = this.run(running, input.filter);
    this.jobs.set(job.id, running);
    this.forgetOld();
    return { ...job };
  }

  get(id: string): BulkJob | null {
    const running = this.jobs.get(id);
    return running ? { ...running.job } : null;
  }

  /** Stops after the batch in flight; that batch is kept (each batch is all or nothing). */
  cancel(id: string): BulkJob | null {
    const running = this.jobs.get(id);
    if (!running) return null;
    if (running.job.state === 'running') running.cancel = true;
    return { ...running.job };
  }

  /** Resolves with the job once it has stopped. */
  async settled(id: string): Promise<BulkJob | null> {
    const running = this.jobs.get(id);
    return running ? { ...(await running.finished) } : null;
  }

  async close(): Promise<void> {
    const all = [...this.jobs.values()];
    for (const running of all) running.cancel = true;
    await Promise.all(all.map((running) => running.finished));
  }

  private async run(running: Running, filter: RequestFilter): Promise<BulkJob> {
    const { job } = running;
    // Started synchronously by start(): let it return the job first.
    await nextTurn();
    let final: BulkJob['state'] = 'failed';
    try {
      let cursor: string | undefined;
      while (!running.cancel) {
        const page = await this.store.listRequests({
          filter,
          sort: 'time',
          order: 'desc',
          limit: this.batchSize,
          cursor,
        });
        if (page.rows.length === 0) break;
        const ids = page.rows.map((row) => row.id);
        const { acted } =
          job.action.kind === 'delete'
            ? await this.store.deleteRequestIds(ids)
            : await this.store.bulkAnnotate(ids, job.action);
        job.done += acted.length;
        job.batches += 1;
        this.afterBatch({ ...job });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        await nextTurn();
      }
      final = running.cancel ? 'cancelled' : 'done';
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
    }
    // Observers see the job finished only once its audit entry is written.
    const finishedAt = Date.now();
    await this.onFinish({ ...job, state: final, finishedAt }).catch(() => undefined);
    job.state = final;
    job.finishedAt = finishedAt;
    return job;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((r) => r.job.state !== 'running');
    for (const running of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(running.job.id);
  }
}
