/**
 * Deletes requests older than the retention period in the background: small batches (one
 * short transaction each) with a pause between them, so ingest never waits behind a long
 * delete. Runs once shortly after start, then every interval; remembers its recent runs, and
 * afterwards returns freed space to the OS where the store can (SQLite incremental vacuum).
 * Several PostgreSQL servers may each run it: batches are idempotent, at worst they share work.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SpanPosition, Store, TimePosition } from '../store/store.ts';
import type { RetentionSettings } from './retention-config.ts';

const DAY_MS = 86_400_000;

export interface RetentionRun {
  startedAt: string;
  finishedAt: string | null;
  /** Requests that started before this were due. */
  cutoff: string;
  deleted: number;
  /** Spans that were no request's (agent steps, tool calls) in traces with no request left. */
  spansDeleted: number;
  reclaimedBytes: number;
  error: string | null;
}

export interface RetentionTiming {
  /** Requests looked at per batch. */
  batchSize: number;
  /** Pause between batches. */
  pauseMs: number;
  /** Between runs. */
  intervalMs: number;
  /** Before the first run after start. */
  firstRunDelayMs: number;
}

export const DEFAULT_TIMING: RetentionTiming = {
  batchSize: 200,
  pauseMs: 20,
  intervalMs: 10 * 60_000,
  firstRunDelayMs: 30_000,
};

const KEPT_RUNS = 20;
/** Free space returned to the OS after a run, at most (more comes back after the next run). */
const RECLAIM_PER_RUN_BYTES = 1 << 30;

export class RetentionRunner {
  private readonly runs: RetentionRun[] = [];
  private current: Promise<RetentionRun> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    readonly settings: RetentionSettings,
    private readonly timing: RetentionTiming = DEFAULT_TIMING,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Schedules runs when retention is on; a no-op otherwise. */
  start(): void {
    if (this.settings.days === null || this.stopped) return;
    this.schedule(this.timing.firstRunDelayMs);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.runNow().finally(() => {
        if (!this.stopped) this.schedule(this.timing.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** Runs now (or joins the run in progress); resolves when it is done. */
  runNow(now = Date.now()): Promise<RetentionRun> {
    this.current ??= this.run(now).finally(() => {
      this.current = null;
    });
    return this.current;
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Newest first. */
  recentRuns(): RetentionRun[] {
    return [...this.runs].reverse();
  }

  private async run(now: number): Promise<RetentionRun> {
    const days = this.settings.days;
    const cutoffMs = days === null ? Number.NEGATIVE_INFINITY : now - days * DAY_MS;
    const record: RetentionRun = {
      startedAt: new Date(now).toISOString(),
      finishedAt: null,
      cutoff: new Date(Number.isFinite(cutoffMs) ? cutoffMs : 0).toISOString(),
      deleted: 0,
      spansDeleted: 0,
      reclaimedBytes: 0,
      error: null,
    };
    this.runs.push(record);
    if (this.runs.length > KEPT_RUNS) this.runs.shift();
    try {
      if (days !== null) {
        let after: TimePosition | null = null;
        do {
          const batch = await this.store.purgeBatch({
            beforeMs: cutoffMs,
            keep: this.settings.keep,
            scan: this.timing.batchSize,
            after,
          });
          record.deleted += batch.deleted;
          after = batch.next;
          if (after !== null) await sleep(this.timing.pauseMs);
        } while (after !== null && !this.stopped);
        await this.purgeSpans(cutoffMs, record);
        if (record.deleted + record.spansDeleted > 0 && !this.stopped)
          record.reclaimedBytes = await this.store.reclaimSpace(RECLAIM_PER_RUN_BYTES);
      }
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    record.finishedAt = new Date().toISOString();
    if (record.deleted + record.spansDeleted > 0 || record.error)
      this.log(
        `retention: deleted ${record.deleted} requests and ${record.spansDeleted} other spans started before ${record.cutoff}` +
          `${record.reclaimedBytes > 0 ? `, returned ${Math.round(record.reclaimedBytes / 1048576)} MB to the OS` : ''}` +
          `${record.error ? `; stopped: ${record.error}` : ''}`,
      );
    return record;
  }

  /** After the requests, so that traces whose requests just went go with them. */
  private async purgeSpans(cutoffMs: number, record: RetentionRun): Promise<void> {
    let after: SpanPosition | null = null;
    while (!this.stopped) {
      const batch = await this.store.purgeSpansBatch({
        beforeMs: cutoffMs,
        scan: this.timing.batchSize,
        after,
      });
      record.spansDeleted += batch.deleted;
      after = batch.next;
      if (after === null) return;
      await sleep(this.timing.pauseMs);
    }
  }

  /** Stops scheduling and waits for a run in progress to finish its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }
}
