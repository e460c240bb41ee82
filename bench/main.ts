/**
 * npm run bench [-- --rows N --store sqlite|postgres --skip-browser --samples K --busy]
 * Builds or reuses a database of N requests, starts the real server as a child process, and
 * prints one table: reads over HTTP with their SQL floor, server RSS, browser timings, ingest.
 * Not part of `npm test`. Run it on an otherwise quiet machine (see bench/README.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { RetentionStatus } from '../contract/api.ts';
import { parseBenchArgs, USAGE } from './args.ts';
import { runAuthBench } from './auth-bench.ts';
import { runBrowserSection } from './browser-section.ts';
import { buildSpa } from './build-spa.ts';
import { runBulkBench } from './bulk-bench.ts';
import { startBusyLoad } from './busy-load.ts';
import { runBusySearchBench } from './busy-search-bench.ts';
import { compareBusy, formatBusyTable } from './busy-table.ts';
import { ensureDatabase, removeIngestedRows } from './database.ts';
import { createFloor } from './floor.ts';
import { formatGrowthTable, readSavedRun } from './growth.ts';
import { BenchHttp } from './http-client.ts';
import { runIngestBench } from './ingest-bench.ts';
import { INITIAL_JS_BUDGET_KB, initialJsKb } from './initial-js.ts';
import { acquireLock } from './lock.ts';
import {
  OTLP_BATCH,
  OTLP_BUDGET_SPANS_PER_SECOND,
  OTLP_CLIENTS,
  runOtlpIngestBench,
  runTraceReadBench,
  TRACE_READ_BUDGET_P95_MS,
} from './otlp-bench.ts';
import { loadProfile } from './profile.ts';
import { runPurgeBench } from './purge-bench.ts';
import { runQueueBench } from './queue-bench.ts';
import { deepPageVariant, runReadVariant } from './read-bench.ts';
import { listCase, readVariants } from './read-variants.ts';
import { runRegistryBench } from './registry-bench.ts';
import { startServerProcess } from './server-process.ts';
import { formatTable, type JudgedRow, judgeByBudgetText, judgeDeepPage, judged, judgeRead } from './table.ts';
import { runTrackRequestBench } from './track-request-bench.ts';

const RSS_BUDGET_MB = 300;
const INGEST_BUDGET = 2000;
const INGEST_CLIENTS = 16;
const REGISTRY_P95_MS = 5;
const DEEP_PAGES = 200;
const BUSY_SECONDS = 15;

let args: ReturnType<typeof parseBenchArgs>;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
// PostgreSQL is held to the SQLite budgets within 1.5× (issue 5).
const budgetScale = args.store === 'postgres' ? 1.5 : 1;
const startedAt = new Date();
const load = loadavg().map((l) => l.toFixed(2));
console.log(
  `bench: ${startedAt.toISOString()}  rows=${args.rows} store=${args.store} samples=${args.samples}  ` +
    `cpus=${cpus().length} load=${load.join(' ')}  node ${process.version}`,
);
if (Number(load[0]) > cpus().length * 0.5) {
  console.log('bench: WARNING the machine is busy (1-min load above half the cores): figures will be skewed');
}

try {
  acquireLock(`.bench/${args.store}-${args.rows}.lock`);
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const db = await ensureDatabase(args);
console.log(`bench: database ${db.dataDir}: ${db.rows.toLocaleString('en')} requests, ${db.origin}`);
// The server serves dist/ as it is at start: build it first when the browser section will run.
const spa = args.skipBrowser ? { ok: true as const } : buildSpa();
if (!spa.ok) console.log(`bench: ${spa.reason}; the browser section will be skipped`);
const apiKey = `bench_${randomBytes(16).toString('hex')}`;
const server = await startServerProcess({ dataDir: db.dataDir, apiKey, databaseUrl: db.databaseUrl });
console.log(`bench: server pid ${server.pid} at ${server.url}`);
const rows: JudgedRow[] = [];
let busyTable = '';
const http = new BenchHttp(server.url, apiKey, 1);
const floor = await createFloor(db);
try {
  const profile = await loadProfile(http);
  const variants = readVariants(profile);
  const listCount = variants.findIndex((v, i) => i > 1 && !v.name.startsWith('list:'));
  // Walking 200 pages needs a large database: skipped when --only leaves them out anyway.
  const deep =
    args.only && !'page 200'.includes(args.only)
      ? []
      : [
          await deepPageVariant(http, DEEP_PAGES, 20),
          await deepPageVariant(http, DEEP_PAGES, 20, listCase({}, 'cost', 'desc')),
        ];
  variants.splice(listCount, 0, ...deep);

  const readSection = async (): Promise<JudgedRow[]> => {
    const out: JudgedRow[] = [];
    for (const variant of variants) {
      if (args.only && !variant.name.includes(args.only)) continue;
      const result = await runReadVariant(variant, http, floor, args.samples, budgetScale);
      const budget = variant.budgetP95Ms === undefined ? undefined : variant.budgetP95Ms * budgetScale;
      const row = judgeRead(result, budget);
      out.push(row);
      console.log(
        `  ${row.name}: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms, floor p50 ${row.floorP50?.toFixed(2) ?? '-'} ms`,
      );
    }
    return out;
  };
  const browserSection = async (): Promise<JudgedRow[]> => {
    const browser = spa.ok
      ? await runBrowserSection({ skip: args.skipBrowser, baseUrl: server.url, apiKey, only: args.only })
      : { ran: false as const, reason: `skipped: ${spa.reason}` };
    if (!browser.ran) {
      console.log(`bench: browser section ${browser.reason}`);
      return [];
    }
    const out = browser.results.map(judgeByBudgetText);
    for (const failure of browser.failures) {
      console.log(`bench: browser bench failed: ${failure}`);
      out.push(
        judged(
          {
            section: 'browser',
            name: failure.split(':')[0] ?? failure,
            samples: 0,
            p50: Number.NaN,
            p95: Number.NaN,
            note: failure,
          },
          false,
          'crashed',
        ),
      );
    }
    return out;
  };

  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(server.memory().rssMb), 100);
  const readStarted = performance.now();
  rows.push(...(await readSection()));
  clearInterval(sampler);
  const firstPages: Record<string, string> = {
    [deep[0]?.name ?? '']: 'list: default (time desc)',
    [deep[1]?.name ?? '']: 'list: sort cost desc',
  };
  rows.forEach((row, i) => {
    const firstName = firstPages[row.name];
    if (firstName)
      rows[i] = judgeDeepPage(
        row,
        rows.find((r) => r.name === firstName),
      );
  });
  const memory = server.memory();
  const readSeconds = ((performance.now() - readStarted) / 1000).toFixed(0);
  rows.push(
    judged(
      {
        section: 'server',
        name: 'RSS during reads (MB)',
        samples: rssSamples.length,
        p50: Number.NaN,
        p95: Number.NaN,
        budget: `RSS ≤ ${RSS_BUDGET_MB} MB`,
        value: memory.peakMb,
        unit: 'MB peak',
        note: `peak (VmHWM) ${memory.peakMb.toFixed(0)} MB; max sampled VmRSS ${Math.max(...rssSamples).toFixed(0)} MB over ${readSeconds} s`,
      },
      memory.peakMb <= RSS_BUDGET_MB,
      `peak ${memory.peakMb.toFixed(0)} MB > ${RSS_BUDGET_MB} MB`,
    ),
  );

  const storage = (await http.getJson<RetentionStatus>('/api/retention')).data.storage;
  const perThousandKb = storage.bytes / 1024 / (db.rows / 1000);
  rows.push(
    judged(
      {
        section: 'server',
        name: 'database size per 1,000 requests (KB)',
        samples: 1,
        p50: Number.NaN,
        p95: Number.NaN,
        value: perThousandKb,
        unit: 'KB / 1,000 requests',
        note: `${(storage.bytes / 1048576).toFixed(0)} MB for ${db.rows.toLocaleString('en')} requests (${Math.round(perThousandKb)} KB per 1,000)`,
      },
      undefined,
    ),
  );

  const initialJs = spa.ok && !args.skipBrowser ? initialJsKb('dist') : null;
  if (initialJs)
    rows.push(
      judged(
        {
          section: 'browser',
          name: 'initial JS (gzip, kB)',
          samples: 1,
          p50: Number.NaN,
          p95: Number.NaN,
          budget: `≤ ${INITIAL_JS_BUDGET_KB} kB`,
          value: initialJs.kb,
          unit: 'kB',
          note: `${initialJs.kb.toFixed(1)} kB in ${initialJs.files.join(', ')}`,
        },
        initialJs.kb <= INITIAL_JS_BUDGET_KB,
        `${initialJs.kb.toFixed(1)} kB > ${INITIAL_JS_BUDGET_KB} kB`,
      ),
    );
  rows.push(...(await browserSection()));

  if (args.busy) {
    console.log(
      'bench: busy: one core spinning, a writer logging 200 requests/s; read and browser sections again',
    );
    const quiet = rows.filter((row) => row.section === 'read' || row.section === 'browser');
    const busyLoad = startBusyLoad(server.url, apiKey);
    let busy: JudgedRow[];
    try {
      busy = [...(await readSection()), ...(await browserSection())];
    } finally {
      const written = await busyLoad.stop();
      console.log(`bench: busy writer logged ${written.sent} requests (${written.failed} failed)`);
    }
    busyTable = formatBusyTable(compareBusy(quiet, busy));
  }

  if (!args.only || 'busy'.includes(args.only)) {
    console.log(`bench: busy, ${BUSY_SECONDS} s of the worst allowed searches from 4 clients`);
    rows.push(...(await runBusySearchBench({ baseUrl: server.url, apiKey, seconds: BUSY_SECONDS })));
  }

  if (!args.only || 'auth'.includes(args.only)) {
    console.log('bench: auth (configured key vs stored key vs session cookie on a list call; sign-in)');
    rows.push(...(await runAuthBench({ baseUrl: server.url, apiKey, samples: args.samples })));
  }

  console.log(`bench: ingest, ${args.ingestCount} requests from ${INGEST_CLIENTS} clients`);
  const ingest = await runIngestBench({
    baseUrl: server.url,
    apiKey,
    count: args.ingestCount,
    clients: INGEST_CLIENTS,
    budgetPerSecond: INGEST_BUDGET,
  });
  rows.push(
    judged(
      { ...ingest.result, value: ingest.perSecond, unit: 'req/s' },
      ingest.perSecond >= INGEST_BUDGET && ingest.errors === 0,
      `${ingest.perSecond} req/s, ${ingest.errors} errors`,
    ),
  );

  if (args.bulk !== undefined) {
    rows.push(
      ...(await runBulkBench({
        baseUrl: server.url,
        apiKey,
        rows: Math.min(args.bulk, db.rows),
        clients: INGEST_CLIENTS,
        budgetScale,
      })),
    );
  }

  if (args.queue !== undefined) {
    rows.push(
      ...(await runQueueBench({
        baseUrl: server.url,
        apiKey,
        rows: Math.min(args.queue, db.rows),
        samples: args.samples,
        budgetScale,
      })),
    );
  }

  console.log(`bench: /track-request, ${args.ingestCount} requests from ${INGEST_CLIENTS} clients`);
  const tracked = await runTrackRequestBench({
    baseUrl: server.url,
    apiKey,
    count: args.ingestCount,
    clients: INGEST_CLIENTS,
    budgetPerSecond: INGEST_BUDGET,
  });
  rows.push(
    judged(
      tracked.result,
      tracked.perSecond >= INGEST_BUDGET && tracked.errors === 0,
      `${tracked.perSecond} req/s, ${tracked.errors} errors`,
    ),
  );

  console.log(`bench: prompt registry, ${args.templates} templates × ${args.templateVersions} versions`);
  const registry = await runRegistryBench({
    baseUrl: server.url,
    apiKey,
    templates: args.templates,
    versions: args.templateVersions,
    samples: args.samples,
    budgetP95Ms: REGISTRY_P95_MS * budgetScale,
  });
  if (registry.published > 0)
    console.log(`bench: published ${registry.published} template versions (kept for later runs)`);
  rows.push(...registry.results.map(judgeByBudgetText));
  console.log(`bench: OTLP ingest, ${args.otlpBatches} × ${OTLP_BATCH} spans from ${OTLP_CLIENTS} clients`);
  const otlp = await runOtlpIngestBench({ baseUrl: server.url, apiKey, batches: args.otlpBatches });
  rows.push(
    judged(
      otlp.result,
      otlp.spansPerSecond >= OTLP_BUDGET_SPANS_PER_SECOND && otlp.errors === 0,
      `${otlp.spansPerSecond} spans/s, ${otlp.errors} errors`,
    ),
  );
  const traceRead = await runTraceReadBench({ baseUrl: server.url, apiKey, samples: args.samples });
  rows.push(
    judged(traceRead, traceRead.p95 <= TRACE_READ_BUDGET_P95_MS, `p95 ${traceRead.p95.toFixed(1)} ms`),
  );
} finally {
  http.close();
  await server.stop();
  await floor?.close();
}
if (args.purge !== undefined) {
  rows.push(
    ...(await runPurgeBench({
      db,
      count: args.purge,
      apiKey,
      clients: INGEST_CLIENTS,
      ingestCount: args.ingestCount,
    })),
  );
}
const removed = await removeIngestedRows(db);
console.log(`bench: removed ${removed} ingested rows, database back to ${db.rows.toLocaleString('en')}`);

console.log(`\n${formatTable(rows)}\n`);
if (busyTable) console.log(`quiet vs busy (one core spinning, 200 logs/s)\n${busyTable}\n`);
const baselinePath = args.baseline ?? `.bench/last-run-${args.store}-1000000.json`;
const baseline = readSavedRun(baselinePath);
if (baseline && baseline.args.rows !== args.rows) {
  console.log(
    `bench: cost growth, this run beside ${baselinePath}\n\n${formatGrowthTable(rows, args.rows, baseline)}\n`,
  );
} else if (!baseline && args.rows !== 1_000_000) {
  console.log(`bench: no ${baselinePath} to compare with (run the 1,000,000-request bench first)`);
}
mkdirSync('.bench', { recursive: true });
const report = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  args,
  machine: { cpus: cpus().length, loadAtStart: load, node: process.version },
  database: db,
  rows,
};
const json = `${JSON.stringify(report, null, 2)}\n`;
writeFileSync('.bench/last-run.json', json);
// Also per database, so a PostgreSQL run does not hide the last SQLite one.
writeFileSync(`.bench/last-run-${args.store}-${args.rows}.json`, json);
console.log(`bench: wrote .bench/last-run.json and .bench/last-run-${args.store}-${args.rows}.json`);
