/**
 * Runs the real Promptlog server as its own process for the benchmark (so its RSS is its own).
 * Reads BENCH_DATA_DIR, BENCH_API_KEY and optional DATABASE_URL; prints one JSON line
 * {"url", "pid"} once listening; closes gracefully on SIGTERM.
 */
import { retentionFromEnv } from '../server/retention/retention-config.ts';
import { startServer } from '../server/start-server.ts';

const dataDir = process.env.BENCH_DATA_DIR;
const apiKey = process.env.BENCH_API_KEY;
if (!dataDir || !apiKey) {
  console.error('server-child: BENCH_DATA_DIR and BENCH_API_KEY are required');
  process.exit(2);
}
const server = await startServer({
  port: 0,
  dataDir,
  apiKeys: [apiKey],
  databaseUrl: process.env.DATABASE_URL || undefined,
  // The purge bench sets PROMPTLOG_RETENTION_* and starts the run itself (POST /api/retention/run).
  retention: retentionFromEnv(),
});
console.log(JSON.stringify({ url: server.url, pid: process.pid }));
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
