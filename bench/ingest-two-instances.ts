/**
 * Issue 5's ingest budget, measured: `/log-request` from 16 keep-alive clients spread over two
 * Promptlog processes on one PostgreSQL (a fresh schema, dropped afterwards).
 *
 *   node --import tsx bench/ingest-two-instances.ts --database-url postgres://… \
 *     [--count 20000] [--profile-dir DIR]
 *
 * Bodies are generated and serialised before the clock starts, so the figure is the servers' and
 * PostgreSQL's, not the generator's. `--profile-dir` writes a V8 CPU profile per server process.
 * Not a test (timings never decide a test); run it on a quiet machine.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateLogRequests } from '../server/seed/generate.ts';
import { startServerProcess } from '../server/store/postgres/testing/server-process.ts';
import { createTestSchema } from '../server/store/postgres/testing/test-database.ts';
import { BenchHttp } from './http-client.ts';
import { INGEST_TAG } from './ingest-bench.ts';
import { summarize } from './percentile.ts';

const BUDGET = 2000;
const CLIENTS = 16;
const INSTANCES = 2;
/** Like the bench: the rare multi-megabyte sample bodies are left out. */
const MAX_BODY_BYTES = 256 * 1024;

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    count: { type: 'string' },
    'profile-dir': { type: 'string' },
  },
});
const url = values['database-url'] ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.error(
    'usage: ingest-two-instances.ts --database-url postgres://… [--count N] [--profile-dir DIR] (or TEST_DATABASE_URL)',
  );
  process.exit(2);
}
const count = Number(values.count ?? 20_000);
const apiKey = 'ingest-two-instances-0123456789';

const bodies: string[] = [];
for (const body of generateLogRequests(count * 2, {
  seed: `ingest:${Date.now()}`,
  extraTags: [INGEST_TAG],
})) {
  const text = JSON.stringify(body);
  if (text.length <= MAX_BODY_BYTES) bodies.push(text);
  if (bodies.length === count) break;
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 where there is no /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Cluster-wide counters (other databases' traffic included, so read them on a quiet cluster):
 * commits and WAL flushes; plus the CPU of this run's Promptlog backends.
 */
async function databaseCounters(admin: pg.Client, since: Date) {
  const stats = await admin.query<{ commits: string; syncs: string }>(
    'SELECT (SELECT sum(xact_commit) FROM pg_stat_database) AS commits, (SELECT wal_sync FROM pg_stat_wal) AS syncs',
  );
  const backends = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'promptlog' AND backend_start >= $1",
    [since],
  );
  return {
    commits: Number(stats.rows[0]?.commits ?? 0),
    syncs: Number(stats.rows[0]?.syncs ?? 0),
    backendCpu: backends.rows.reduce((sum, row) => sum + cpuSeconds(row.pid), 0),
  };
}

const profileDir = values['profile-dir'];
const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const serversStarted = new Date(Date.now() - 1000);
const schema = await createTestSchema(url);
const servers = await Promise.all(
  Array.from({ length: INSTANCES }, () => startServerProcess({ databaseUrl: schema.url, apiKey, nodeArgs })),
);
try {
  const clients = servers.map((server) => new BenchHttp(server.url, apiKey, CLIENTS / INSTANCES));
  const latencies: number[][] = servers.map(() => []);
  const sent = servers.map(() => 0);
  let next = 0;
  let errors = 0;
  let firstError = '';
  // Client k always talks to instance k % INSTANCES, like a round-robin balancer with sticky connections.
  const client = async (k: number) => {
    const instance = k % INSTANCES;
    const http = clients[instance] as BenchHttp;
    for (let i = next++; i < bodies.length; i = next++) {
      try {
        const result = await http.send('POST', '/log-request', bodies[i]);
        sent[instance] = (sent[instance] ?? 0) + 1;
        if (result.status === 201) latencies[instance]?.push(result.ms);
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
  const load = loadavg().map((n) => n.toFixed(2));
  const before = await databaseCounters(admin, serversStarted);
  const serverCpuBefore = servers.map((server) => cpuSeconds(server.pid));
  const loaderCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const seconds = (performance.now() - started) / 1000;
  const loaderCpu = process.cpuUsage(loaderCpuBefore);
  const serverCpu = servers.reduce(
    (sum, server, i) => sum + cpuSeconds(server.pid) - (serverCpuBefore[i] ?? 0),
    0,
  );
  const after = await databaseCounters(admin, serversStarted);
  for (const http of clients) http.close();
  const perSecond = Math.round(bodies.length / seconds);
  latencies.forEach((ms, i) => {
    const stats = summarize(ms);
    console.log(
      `instance ${i + 1}: ${sent[i]} requests, p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms`,
    );
  });
  const groups = await admin.query<{ tx: string }>(
    `SELECT count(DISTINCT xmin::text) AS tx FROM ${schema.name}.requests`,
  );
  const transactions = Number(groups.rows[0]?.tx ?? 0);
  console.log(
    `${transactions} insert transactions: ${(bodies.length / Math.max(transactions, 1)).toFixed(1)} requests per group`,
  );
  const perRequest = (cpu: number) => ((cpu * 1000) / bodies.length).toFixed(2);
  console.log(
    `CPU ms per request: servers ${perRequest(serverCpu)}, PostgreSQL backends ${perRequest(after.backendCpu - before.backendCpu)}, load generator ${perRequest((loaderCpu.user + loaderCpu.system) / 1e6)}; commits ${after.commits - before.commits}, WAL flushes ${after.syncs - before.syncs} (cluster-wide)`,
  );
  const verdict = perSecond >= BUDGET && errors === 0 ? 'PASS' : 'FAIL';
  console.log(
    `two instances, ${CLIENTS} clients: ${bodies.length} requests in ${seconds.toFixed(1)} s = ${perSecond} req/s, ${errors} errors${firstError ? ` (first: ${firstError})` : ''} (budget ≥ ${BUDGET} req/s, 0 errors: ${verdict}); load average at start ${load.join(' ')}`,
  );
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await schema.drop();
  await admin.end();
}
