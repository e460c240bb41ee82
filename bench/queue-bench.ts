/**
 * `--queue N`: a review queue (issue #12) of the N newest bench requests (at most 10,000), two
 * reviews per item. Two reviewers (the bench key and an annotate key made for the run) work
 * through it at the same time; each "Enter" is timed as the reviewer screen pays for it: submit
 * the review, then ask for the next item. Then the queue's summary (agreement over every item) is
 * read `samples` times. Budgets: submit + next p95 ≤ 150 ms (the screen has the next request's
 * detail prefetched); summary p95 ≤ 200 ms for 10,000 items. Everything is removed afterwards
 * (the queue, its scores, the definition, the key; not timed).
 */
import type { Queue, QueueTurn } from '../contract/review-queues.ts';
import { newestRowsQuery } from './bulk-bench.ts';
import { BenchHttp } from './http-client.ts';
import { summarize } from './percentile.ts';
import { type JudgedRow, judged } from './table.ts';

const NEXT_BUDGET_MS = 150;
const SUMMARY_BUDGET_MS = 200;
/** The queue's cap is 10,000; the time-range search for the newest N lands within ±0.1% of N. */
const MAX_ITEMS = 9_980;

async function post<T>(http: BenchHttp, path: string, body?: unknown, expect = [200, 201, 202]) {
  const result = await http.send('POST', path, body === undefined ? undefined : JSON.stringify(body));
  if (!expect.includes(result.status))
    throw new Error(`POST ${path} → ${result.status}: ${result.body.slice(0, 300)}`);
  return { data: JSON.parse(result.body) as T, ms: result.ms };
}

/** Reviews until nothing is left; returns the time of each submit + next. */
async function review(
  http: BenchHttp,
  queueId: number,
  name: string,
  verdict: (requestId: number) => number,
): Promise<number[]> {
  const times: number[] = [];
  let turn = (await post<QueueTurn>(http, `/api/queues/${queueId}/next`)).data;
  while (turn.item) {
    const id = turn.item.requestId;
    const started = performance.now();
    await post(http, `/api/queues/${queueId}/items/${id}/submit`, { values: { [name]: verdict(id) } });
    turn = (await post<QueueTurn>(http, `/api/queues/${queueId}/next`)).data;
    times.push(performance.now() - started);
  }
  return times;
}

export async function runQueueBench(options: {
  baseUrl: string;
  apiKey: string;
  rows: number;
  samples: number;
  budgetScale: number;
}): Promise<JudgedRow[]> {
  const admin = new BenchHttp(options.baseUrl, options.apiKey, 1);
  const benchName = `bench-queue-${Date.now()}`;
  try {
    const { query, total } = await newestRowsQuery(
      admin,
      Math.min(options.rows, MAX_ITEMS),
      Date.now() - 60_000,
    );
    const definition = (
      await post<{ id: number }>(admin, '/api/score-definitions', { name: benchName, kind: 'boolean' })
    ).data;
    const created = await post<Queue>(admin, '/api/queues', {
      name: benchName,
      definitionIds: [definition.id],
      reviewsNeeded: 2,
      query,
    });
    const queue = created.data;
    const key = (
      await post<{ id: number; key: string }>(admin, '/api/keys', { name: benchName, scope: 'annotate' })
    ).data;
    const second = new BenchHttp(options.baseUrl, key.key, 1);
    console.log(`bench: queue: ${queue.progress.total.toLocaleString('en')} items (${query}), two reviewers`);
    const [first, other] = await Promise.all([
      review(admin, queue.id, benchName, () => 100),
      review(second, queue.id, benchName, (id) => (id % 3 === 0 ? 0 : 100)),
    ]);
    second.close();
    const enter = summarize([...first, ...other]);
    const summaries: number[] = [];
    for (let i = 0; i < options.samples; i++)
      summaries.push((await admin.getJson(`/api/queues/${queue.id}/summary`)).ms);
    const summary = summarize(summaries);
    // Put the bench database back (not timed).
    await admin.send('DELETE', `/api/queues/${queue.id}`);
    await post(admin, '/api/bulk-jobs', { action: { kind: 'delete-score', name: benchName }, query });
    await post(admin, `/api/score-definitions/${definition.id}/archive`);
    await admin.send('DELETE', `/api/keys/${key.id}`);
    const nextBudget = NEXT_BUDGET_MS * options.budgetScale;
    const summaryBudget = SUMMARY_BUDGET_MS * options.budgetScale;
    return [
      judged(
        {
          section: 'review',
          name: `queue: create from a filter (${total.toLocaleString('en')} items)`,
          samples: 1,
          p50: created.ms,
          p95: created.ms,
          note: 'materialised in batches of 500',
        },
        undefined,
      ),
      judged(
        {
          section: 'review',
          name: 'queue: submit + next item (two reviewers at once)',
          samples: first.length + other.length,
          p50: enter.p50,
          p95: enter.p95,
          budget: `p95 ≤ ${nextBudget} ms`,
        },
        enter.p95 <= nextBudget,
        `p95 ${enter.p95.toFixed(1)} ms`,
      ),
      judged(
        {
          section: 'review',
          name: `queue summary with agreement (${total.toLocaleString('en')} items, 2 reviews each)`,
          samples: summaries.length,
          p50: summary.p50,
          p95: summary.p95,
          budget: `p95 ≤ ${summaryBudget} ms`,
        },
        summary.p95 <= summaryBudget,
        `p95 ${summary.p95.toFixed(1)} ms`,
      ),
    ];
  } finally {
    admin.close();
  }
}
