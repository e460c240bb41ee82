/**
 * Reads must not starve the process (issue #8, item 1): 4 clients run the worst searches the
 * limits allow, back to back, while one client polls /api/health and another logs requests.
 * Budgets: /api/health p99 ≤ 50 ms, /log-request p99 ≤ 100 ms.
 */
import { loadavg } from 'node:os';
import { SEARCH_LIMITS } from '../contract/limits.ts';
import { BenchHttp } from './http-client.ts';
import { INGEST_TAG } from './ingest-bench.ts';
import { percentile } from './percentile.ts';
import { type JudgedRow, judged } from './table.ts';

const SEARCH_CLIENTS = 4;
const HEALTH_BUDGET_P99 = 50;
const LOG_BUDGET_P99 = 100;

/** Every text filter allowed, each a long near-miss pattern, OR-ed, plus a two-word q. */
function worstSearch(i: number): string {
  const filters = Array.from({ length: SEARCH_LIMITS.textFilters }, (_, k) => {
    const suffix = `${i}-${k}`;
    return {
      field: k % 2 ? 'output_text' : 'input_text',
      operator: 'contains',
      value: `${'e'.repeat(SEARCH_LIMITS.patternLength - suffix.length)}${suffix}`,
    };
  });
  return JSON.stringify({ filter_group: { logic: 'OR', filters }, q: 'the weather', per_page: 100 });
}

function logBody(i: number): string {
  const now = Date.now();
  return JSON.stringify({
    provider: 'openai',
    model: 'gpt-4o',
    input: { type: 'chat', messages: [{ role: 'user', content: `busy bench ${i}` }] },
    output: { type: 'chat', messages: [{ role: 'assistant', content: 'ok' }] },
    request_start_time: now - 500,
    request_end_time: now,
    tags: [INGEST_TAG],
  });
}

export async function runBusySearchBench(options: {
  baseUrl: string;
  apiKey: string;
  seconds: number;
}): Promise<JudgedRow[]> {
  const searchers = new BenchHttp(options.baseUrl, options.apiKey, SEARCH_CLIENTS);
  const probe = new BenchHttp(options.baseUrl, options.apiKey, 1);
  const logger = new BenchHttp(options.baseUrl, options.apiKey, 1);
  const until = performance.now() + options.seconds * 1000;
  const searchStatus = new Map<number, number>();
  const health: number[] = [];
  const logs: number[] = [];
  let logErrors = 0;
  const searchClient = async (c: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const result = await searchers.send('POST', '/api/public/v2/requests/search', worstSearch(c * 1e6 + i));
      searchStatus.set(result.status, (searchStatus.get(result.status) ?? 0) + 1);
    }
  };
  const healthClient = async () => {
    while (performance.now() < until) {
      health.push((await probe.send('GET', '/api/health')).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const logClient = async () => {
    for (let i = 0; performance.now() < until; i++) {
      const result = await logger.send('POST', '/log-request', logBody(i));
      if (result.status === 201) logs.push(result.ms);
      else logErrors++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all([
    ...Array.from({ length: SEARCH_CLIENTS }, (_, c) => searchClient(c)),
    healthClient(),
    logClient(),
  ]);
  for (const http of [searchers, probe, logger]) http.close();
  const searches = [...searchStatus].map(([status, n]) => `${n}× ${status}`).join(', ');
  const healthP99 = percentile(health, 99);
  const logP99 = percentile(logs, 99);
  const note = `load ${loadavg()[0]?.toFixed(1)}; ${SEARCH_CLIENTS} clients running the worst allowed searches for ${options.seconds} s (${searches})`;
  return [
    judged(
      {
        section: 'busy',
        name: 'GET /api/health while searching',
        samples: health.length,
        p50: percentile(health, 50),
        p95: percentile(health, 95),
        budget: `p99 ≤ ${HEALTH_BUDGET_P99} ms`,
        note: `p99 ${healthP99.toFixed(1)} ms; ${note}`,
      },
      healthP99 <= HEALTH_BUDGET_P99,
      `p99 ${healthP99.toFixed(1)} ms`,
    ),
    judged(
      {
        section: 'busy',
        name: 'POST /log-request while searching',
        samples: logs.length,
        p50: percentile(logs, 50),
        p95: percentile(logs, 95),
        budget: `p99 ≤ ${LOG_BUDGET_P99} ms, 0 errors`,
        note: `p99 ${logP99.toFixed(1)} ms; ${logErrors} errors`,
      },
      logP99 <= LOG_BUDGET_P99 && logErrors === 0,
      `p99 ${logP99.toFixed(1)} ms, ${logErrors} errors`,
    ),
  ];
}
