/**
 * `--bulk N`: a whole-filter bulk tag (issue #12) of the N newest bench requests (a time-range
 * filter found by bisection on /api/requests/count), started with POST /api/bulk-jobs while 16
 * clients keep logging; /log-request's p99 is measured for as long as the job runs. Budgets:
 * the job ≤ 10 s for 100,000 rows on SQLite (scaled by N/100,000; 1.5× on PostgreSQL), log p99
 * ≤ 50 ms. The tag is removed again afterwards (not timed).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BulkJob } from '../contract/bulk.ts';
import { BenchHttp } from './http-client.ts';
import { ingestWhileRow, runIngestBench } from './ingest-bench.ts';
import { type JudgedRow, judged } from './table.ts';

const SECONDS_PER_100K = 10;
const P99_BUDGET_MS = 50;
const POLL_MS = 200;

async function count(http: BenchHttp, query: string): Promise<number> {
  return (await http.getJson<{ total: number }>(`/api/requests/count?${query}`)).data.total;
}

/** A `from=…&to=…` query whose count is close to `rows` (the newest rows before `toMs`). */
export async function newestRowsQuery(
  http: BenchHttp,
  rows: number,
  toMs: number,
): Promise<{ query: string; total: number }> {
  let lo = 0;
  let hi = toMs;
  let best = { query: `to=${toMs}`, total: await count(http, `to=${toMs}`) };
  if (best.total <= rows) return best;
  for (let i = 0; i < 40 && hi - lo > 1; i++) {
    const mid = Math.floor((lo + hi) / 2);
    const query = `from=${mid}&to=${toMs}`;
    const total = await count(http, query);
    if (Math.abs(total - rows) < Math.abs(best.total - rows)) best = { query, total };
    if (total > rows) lo = mid;
    else hi = mid;
    if (Math.abs(total - rows) <= rows * 0.001) break;
  }
  return best;
}

async function runJob(http: BenchHttp, body: object): Promise<BulkJob> {
  const started = await http.send('POST', '/api/bulk-jobs', JSON.stringify(body));
  if (started.status !== 202) throw new Error(`POST /api/bulk-jobs: ${started.status} ${started.body}`);
  return JSON.parse(started.body) as BulkJob;
}

async function waitFor(http: BenchHttp, id: string): Promise<BulkJob> {
  for (;;) {
    const job = (await http.getJson<BulkJob>(`/api/bulk-jobs/${id}`)).data;
    if (job.state !== 'running') return job;
    await sleep(POLL_MS);
  }
}

export async function runBulkBench(options: {
  baseUrl: string;
  apiKey: string;
  rows: number;
  clients: number;
  budgetScale: number;
}): Promise<JudgedRow[]> {
  const http = new BenchHttp(options.baseUrl, options.apiKey, 1);
  try {
    const { query, total } = await newestRowsQuery(http, options.rows, Date.now() - 60_000);
    const tag = `bench-bulk-${Date.now()}`;
    console.log(`bench: bulk: tagging ${total.toLocaleString('en')} requests (${query}) while clients log`);
    const startedAt = performance.now();
    const started = await runJob(http, { action: { kind: 'add-tag', tag }, query });
    let job: BulkJob = started;
    let running = true;
    const watch = (async () => {
      job = await waitFor(http, started.id);
      running = false;
    })();
    const ingest = await runIngestBench({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      count: 200,
      clients: options.clients,
      budgetPerSecond: 0,
      keepGoing: () => running,
    });
    await watch;
    const seconds = (performance.now() - startedAt) / 1000;
    const budgetSeconds = (SECONDS_PER_100K * options.budgetScale * Math.max(total, 1)) / 100_000;
    // Put the bench database back (not timed).
    await waitFor(
      http,
      (await runJob(http, { action: { kind: 'remove-tag', tag }, query: `tag=${tag}` })).id,
    );
    return [
      judged(
        {
          section: 'review',
          name: `bulk tag ${total.toLocaleString('en')} matching requests`,
          samples: job.done,
          p50: Number.NaN,
          p95: Number.NaN,
          value: seconds,
          unit: 's',
          budget: `≤ ${budgetSeconds.toFixed(1)} s, every row tagged`,
          note: `${job.done} tagged in ${seconds.toFixed(1)} s (${Math.round(job.done / seconds)}/s, ${job.batches} batches)${job.error ? `; error: ${job.error}` : ''}`,
        },
        job.state === 'done' && job.done >= total && seconds <= budgetSeconds,
        `${job.state}: ${job.done} of ${total} in ${seconds.toFixed(1)} s`,
      ),
      ingestWhileRow(ingest, {
        section: 'review',
        name: 'POST /log-request during the bulk tag',
        p99BudgetMs: P99_BUDGET_MS,
      }),
    ];
  } finally {
    http.close();
  }
}
