/**
 * Issue 5's ingest budget, measured: `/log-request` from 16 keep-alive clients spread over two
 * Promptlog processes on one PostgreSQL (a fresh schema, dropped afterwards).
 *
 *   node --import tsx server/store/postgres/ingest-two-instances.ts --database-url postgres://… [--count 20000]
 *
 * Not a test (timings never decide a test); run it on a quiet machine.
 */
import { parseArgs } from 'node:util';
import { runIngestBench } from '../../../bench/ingest-bench.ts';
import { startServerProcess } from './server-process.ts';
import { createTestSchema } from './test-database.ts';

const BUDGET = 2000;
const CLIENTS = 16;

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, count: { type: 'string' } },
});
const url = values['database-url'] ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.error(
    'usage: ingest-two-instances.ts --database-url postgres://… [--count N] (or TEST_DATABASE_URL)',
  );
  process.exit(2);
}
const count = Number(values.count ?? 20_000);
const apiKey = 'ingest-two-instances-0123456789';
const schema = await createTestSchema(url);
const servers = await Promise.all([0, 1].map(() => startServerProcess({ databaseUrl: schema.url, apiKey })));
try {
  const started = performance.now();
  const results = await Promise.all(
    servers.map((server) =>
      runIngestBench({
        baseUrl: server.url,
        apiKey,
        count: Math.ceil(count / servers.length),
        clients: CLIENTS / servers.length,
        budgetPerSecond: BUDGET / servers.length,
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = results.reduce((sum, r) => sum + (r.result.samples ?? 0), 0);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const perSecond = Math.round(total / seconds);
  results.forEach((r, i) => {
    console.log(
      `instance ${i + 1}: ${r.result.note}; p50 ${r.result.p50.toFixed(1)} ms, p95 ${r.result.p95.toFixed(1)} ms`,
    );
  });
  const verdict = perSecond >= BUDGET && errors === 0 ? 'PASS' : 'FAIL';
  console.log(
    `two instances, ${CLIENTS} clients: ${total} requests in ${seconds.toFixed(1)} s = ${perSecond} req/s, ${errors} errors (budget ≥ ${BUDGET} req/s, 0 errors: ${verdict})`,
  );
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await schema.drop();
}
