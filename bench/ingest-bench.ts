/** POST /log-request from concurrent keep-alive clients: throughput, latency and errors. */
import { generateLogRequests } from '../server/seed/generate.ts';
import { BenchHttp } from './http-client.ts';
import { percentile, summarize } from './percentile.ts';
import { type JudgedRow, judged } from './table.ts';
import type { BenchResult } from './types.ts';

export const INGEST_TAG = 'bench-ingest';
/** The rare multi-megabyte sample bodies are left out: this measures typical logging traffic. */
const MAX_BODY_BYTES = 256 * 1024;

export interface PostRun {
  latencies: number[];
  errors: number;
  firstError: string;
  seconds: number;
  /** Requests sent (more than the bodies when keepGoing asked for more). */
  sent: number;
}

/** Posts every body from `clients` keep-alive connections at once; a status other than `okStatus` is an error. */
export async function postConcurrently(options: {
  baseUrl: string;
  apiKey: string;
  clients: number;
  path: string;
  bodies: readonly string[];
  okStatus: number;
  /** Keep sending (reusing the bodies) while this says so, e.g. until a purge finishes. */
  keepGoing?: () => boolean;
}): Promise<PostRun> {
  const { bodies } = options;
  const http = new BenchHttp(options.baseUrl, options.apiKey, options.clients);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError = '';
  let sent = 0;
  const more = (i: number) => i < bodies.length || (options.keepGoing?.() ?? false);
  const client = async () => {
    for (let i = next++; more(i); i = next++) {
      sent++;
      try {
        const result = await http.send('POST', options.path, bodies[i % bodies.length]);
        if (result.status === options.okStatus) latencies.push(result.ms);
        else {
          errors++;
          firstError ||= `${result.status} ${result.body.slice(0, 160)}`;
        }
      } catch (error) {
        errors++;
        firstError ||= String(error);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  http.close();
  return { latencies, errors, firstError, seconds, sent };
}

export async function runIngestBench(options: {
  baseUrl: string;
  apiKey: string;
  count: number;
  clients: number;
  budgetPerSecond: number;
  /** Keep sending (reusing the bodies) while this says so, e.g. until a purge finishes. */
  keepGoing?: () => boolean;
}): Promise<{ result: BenchResult; perSecond: number; errors: number; latencies: number[] }> {
  const bodies: string[] = [];
  for (const body of generateLogRequests(options.count * 2, {
    seed: `ingest:${Date.now()}`,
    extraTags: [INGEST_TAG],
  })) {
    const text = JSON.stringify(body);
    if (text.length <= MAX_BODY_BYTES) bodies.push(text);
    if (bodies.length === options.count) break;
  }
  const { latencies, errors, firstError, seconds, sent } = await postConcurrently({
    ...options,
    path: '/log-request',
    bodies,
    okStatus: 201,
    keepGoing: options.keepGoing,
  });
  const perSecond = Math.round(sent / seconds);
  const stats = summarize(latencies);
  const note = [`${perSecond} req/s`, `${errors} errors`, `${options.clients} clients`, `${sent} requests`];
  if (firstError) note.push(`first error: ${firstError}`);
  const result: BenchResult = {
    section: 'ingest',
    name: 'POST /log-request',
    samples: stats.samples,
    p50: stats.p50,
    p95: stats.p95,
    budget: `≥ ${options.budgetPerSecond} req/s, 0 errors`,
    note: note.join('; '),
  };
  return { result, perSecond, errors, latencies };
}

/** The row for `/log-request` while something else runs (a purge, a bulk change): p99 and errors. */
export function ingestWhileRow(
  ingest: Awaited<ReturnType<typeof runIngestBench>>,
  row: { section: string; name: string; p99BudgetMs: number },
): JudgedRow {
  const p99 = percentile(ingest.latencies, 99);
  return judged(
    {
      ...ingest.result,
      section: row.section,
      name: row.name,
      budget: `p99 ≤ ${row.p99BudgetMs} ms, 0 errors`,
      note: `p99 ${p99.toFixed(1)} ms; ${ingest.result.note}`,
    },
    p99 <= row.p99BudgetMs && ingest.errors === 0,
    `p99 ${p99.toFixed(1)} ms, ${ingest.errors} errors`,
  );
}
