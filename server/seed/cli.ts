/**
 * npm run seed -- --count N [--data-dir D] [--database-url U] [--seed S] [--batch B] [--tag T]…
 * Writes N sample requests through the same ingest path as POST /log-request.
 */
import { parseArgs } from 'node:util';
import { SqliteStore } from '../store/sqlite/index.ts';
import { type BulkSeedResult, bulkSeedSqlite } from './bulk-seed.ts';
import { openSeedStore } from './open-seed-store.ts';
import { seedPromptSamples, trackedShare } from './prompt-samples.ts';
import { type SeedOptions, type SeedResult, seedStore } from './seed-store.ts';

const USAGE =
  'usage: npm run seed -- --count N [--data-dir DIR] [--database-url postgres://…] [--seed S] [--batch B] [--tag TAG]';

function fail(message: string): never {
  console.error(`seed: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = positiveInt(values.count, 'count', Number.NaN);
  if (Number.isNaN(count)) fail('--count is required');
  const batchSize = positiveInt(values.batch, 'batch', 5000);
  const dataDir = values['data-dir'] ?? process.env.PROMPTLOG_DATA_DIR ?? './data';
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;

  const store = await openSeedStore({ dataDir, databaseUrl });
  const where = store.kind === 'postgres' ? 'PostgreSQL' : `SQLite in ${dataDir}`;
  console.log(`seed: writing ${count.toLocaleString('en')} requests to ${where} (batches of ${batchSize})`);
  let lastReport = 0;
  try {
    const seed = (options: SeedOptions): Promise<SeedResult | BulkSeedResult> =>
      store instanceof SqliteStore ? bulkSeedSqlite(store, options) : seedStore(store, options);
    const result = await seed({
      count: count - trackedShare(count),
      batchSize,
      seed: values.seed ?? 1,
      extraTags: values.tag ?? [],
      onProgress(inserted, elapsedMs) {
        if (elapsedMs - lastReport < 2000 && inserted < count) return;
        lastReport = elapsedMs;
        const rate = Math.round(inserted / (elapsedMs / 1000));
        const pct = ((inserted / count) * 100).toFixed(1);
        console.log(
          `  ${inserted.toLocaleString('en')} (${pct}%) ${(elapsedMs / 1000).toFixed(1)} s, ${rate}/s`,
        );
      },
    });
    const tracked = await seedPromptSamples(store, trackedShare(count), { extraTags: values.tag ?? [] });
    console.log(
      `seed: published the sample prompt templates and ${tracked} requests as wrapped clients and run() log them`,
    );
    const seconds = result.elapsedMs / 1000;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const split =
      'indexMs' in result
        ? `waiting for the generator thread ${s(result.prepareMs)}, store insert ${s(result.insertMs)}, ` +
          `indexing after the load ${s(result.indexMs)}`
        : `generate+normalise ${s(result.prepareMs)}, store insert ${s(result.insertMs)}`;
    console.log(
      `seed: inserted ${result.inserted.toLocaleString('en')} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.inserted / seconds)}/s; ${split}; CPU ${s(result.cpuMs)})`,
    );
  } finally {
    await store.close();
  }
}

function parse() {
  return parseArgs({
    options: {
      count: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      tag: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

await main();
