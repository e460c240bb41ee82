/**
 * `npm run bench -- --busy`: the background writer, as its own process. Logs generated requests
 * (tagged bench-ingest, removed after the run) at a steady rate until killed; prints a count of
 * sent and failed on SIGTERM. Usage: node --import tsx bench/busy-writer.ts URL KEY PER_SECOND
 */
import { generateLogRequests } from '../server/seed/generate.ts';
import { BenchHttp } from './http-client.ts';
import { INGEST_TAG } from './ingest-bench.ts';

const [baseUrl, apiKey, rate] = process.argv.slice(2);
if (!baseUrl || !apiKey) throw new Error('usage: busy-writer.ts URL KEY PER_SECOND');
const perSecond = Number(rate ?? 200);
const bodies = [...generateLogRequests(2000, { seed: 'busy-writer', extraTags: [INGEST_TAG] })]
  .map((body) => JSON.stringify(body))
  .filter((text) => text.length <= 256 * 1024);
const http = new BenchHttp(baseUrl, apiKey, 8);
let sent = 0;
let failed = 0;
const started = performance.now();
// Catch up to the schedule every 20 ms, so the rate holds even when this process is slowed.
const timer = setInterval(() => {
  const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
  while (sent + failed < due) {
    const body = bodies[(sent + failed) % bodies.length] as string;
    sent++;
    http.send('POST', '/log-request', body).then(
      (result) => {
        if (result.status !== 201) {
          sent--;
          failed++;
        }
      },
      () => {
        sent--;
        failed++;
      },
    );
  }
}, 20);
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.stdout.write(`${JSON.stringify({ sent, failed })}\n`);
  http.close();
  process.exit(0);
});
