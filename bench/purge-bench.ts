/**
 * `--purge N`: retention deleting N old requests while 16 clients log. N requests dated 400 days
 * back are added to the bench database, a server with PROMPTLOG_RETENTION_DAYS=365 is started,
 * a run is started (POST /api/retention/run), and /log-request traffic continues until the run
 * has finished: its p99 is held to 100 ms throughout. The bench database is as before afterwards
 * (the old rows are gone, the ingested ones are removed with the rest of the ingest).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RetentionStatus } from '../contract/api.ts';
import { openSeedStore } from '../server/seed/open-seed-store.ts';
import { seedStore } from '../server/seed/seed-store.ts';
import type { BenchDatabase } from './database.ts';
import { BenchHttp } from './http-client.ts';
import { ingestWhileRow, runIngestBench } from './ingest-bench.ts';
import { startServerProcess } from './server-process.ts';
import { type JudgedRow, judged } from './table.ts';

const DAY_MS = 86_400_000;
const P99_BUDGET_MS = 100;

export async function runPurgeBench(options: {
  db: BenchDatabase;
  count: number;
  apiKey: string;
  clients: number;
  ingestCount: number;
}): Promise<JudgedRow[]> {
  const store = await openSeedStore({ dataDir: options.db.dataDir, databaseUrl: options.db.databaseUrl });
  try {
    console.log(`bench: purge: adding ${options.count.toLocaleString('en')} requests dated 400 days back`);
    await seedStore(store, { count: options.count, seed: 'bench-purge', now: Date.now() - 400 * DAY_MS });
  } finally {
    await store.close();
  }
  const server = await startServerProcess({
    dataDir: options.db.dataDir,
    apiKey: options.apiKey,
    databaseUrl: options.db.databaseUrl,
    env: { PROMPTLOG_RETENTION_DAYS: '365' },
  });
  const http = new BenchHttp(server.url, options.apiKey, 1);
  try {
    const started = await http.send('POST', '/api/retention/run', '{}');
    if (started.status !== 202) throw new Error(`POST /api/retention/run: ${started.status} ${started.body}`);
    const startedAt = performance.now();
    let status: RetentionStatus | null = null;
    let running = true;
    const watch = (async () => {
      while (running) {
        await sleep(200);
        status = (await http.getJson<RetentionStatus>('/api/retention')).data;
        running = status.running;
      }
    })();
    const ingest = await runIngestBench({
      baseUrl: server.url,
      apiKey: options.apiKey,
      count: options.ingestCount,
      clients: options.clients,
      budgetPerSecond: 0,
      keepGoing: () => running,
    });
    await watch;
    const seconds = (performance.now() - startedAt) / 1000;
    const run = (status as RetentionStatus | null)?.runs[0];
    const deleted = run?.deleted ?? 0;
    return [
      judged(
        {
          section: 'retention',
          name: `purge ${options.count.toLocaleString('en')} old requests`,
          samples: deleted,
          p50: Number.NaN,
          p95: Number.NaN,
          budget: 'every old request deleted',
          note: `${deleted} deleted in ${seconds.toFixed(1)} s (${Math.round(deleted / seconds)}/s)${run?.error ? `; error: ${run.error}` : ''}`,
        },
        deleted >= options.count && !run?.error,
        `${deleted} of ${options.count} deleted`,
      ),
      ingestWhileRow(ingest, {
        section: 'retention',
        name: 'POST /log-request during the purge',
        p99BudgetMs: P99_BUDGET_MS,
      }),
    ];
  } finally {
    http.close();
    await server.stop();
  }
}
