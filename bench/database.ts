/**
 * Builds or reuses the benchmark database under .bench/<store>-<rows>/ through the seed path
 * (generator → normalizeLogRequest → store.insertRequests; SQLite in bulk-load mode).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyFilter, requestFilterSchema } from '../contract/api.ts';
import { bulkSeedSqlite } from '../server/seed/bulk-seed.ts';
import { openSeedStore } from '../server/seed/open-seed-store.ts';
import { type SeedOptions, seedStore } from '../server/seed/seed-store.ts';
import { openStore } from '../server/store/open-store.ts';
import { SqliteStore } from '../server/store/sqlite/index.ts';
import type { BenchArgs } from './args.ts';
import { INGEST_TAG } from './ingest-bench.ts';

export const BENCH_SEED = 'promptlog-bench';

export interface BenchDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
  rows: number;
  /** How the data got there: reused, or seeded now at some rate. */
  origin: string;
}

interface Marker {
  rows: number;
  seed: string;
  seededAt: string;
  seconds: number;
}

interface PartialMarker {
  rows: number;
  seed: string;
  /** The generator's `now`, so a resumed build continues the very same data set. */
  now: number;
}

export async function ensureDatabase(args: BenchArgs, root = '.bench'): Promise<BenchDatabase> {
  const dataDir = join(root, `${args.store}-${args.rows}`);
  const markerPath = join(dataDir, 'bench-seed.json');
  const partialPath = join(dataDir, 'bench-seed.partial.json');
  const marker = readJson<Marker>(markerPath);
  if (marker && marker.rows === args.rows && marker.seed === BENCH_SEED) {
    const count = await settleCount(dataDir, args.databaseUrl);
    if (count === args.rows) {
      return {
        dataDir,
        databaseUrl: args.databaseUrl,
        rows: count,
        origin: `reused (seeded ${marker.seededAt})`,
      };
    }
    console.log(`bench: ${dataDir} holds ${count} rows, expected ${args.rows}: rebuilding`);
  }
  // An interrupted build resumes where its last committed batch ended: item i depends only on
  // (seed, i, rows, now), so the result is the same data set as one uninterrupted build.
  let partial = readJson<PartialMarker>(partialPath);
  if (partial && (partial.rows !== args.rows || partial.seed !== BENCH_SEED)) partial = null;
  if (!partial && args.store === 'sqlite') rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const plan: PartialMarker = partial ?? { rows: args.rows, seed: BENCH_SEED, now: Date.now() };
  writeFileSync(partialPath, `${JSON.stringify(plan)}\n`);

  const store = await openSeedStore({ dataDir, databaseUrl: args.databaseUrl });
  try {
    const existing = await store.countRequests(emptyFilter());
    if (existing !== 0 && !partial) {
      throw new Error(
        `the PostgreSQL database already holds ${existing} requests; give the bench an empty database (it seeds ${args.rows})`,
      );
    }
    const verb = existing > 0 ? `resuming at ${existing.toLocaleString('en')} of` : 'seeding';
    console.log(`bench: ${verb} ${args.rows.toLocaleString('en')} requests into ${args.store} (${dataDir})`);
    let lastReport = 0;
    // SQLite takes the seed CLI's bulk path (full text indexed once at the end): a million rows in
    // minutes instead of the hour that per-row trigram maintenance costs.
    const seed = (options: SeedOptions) =>
      store instanceof SqliteStore ? bulkSeedSqlite(store, options) : seedStore(store, options);
    const result = await seed({
      count: args.rows,
      seed: BENCH_SEED,
      now: plan.now,
      startIndex: existing,
      onProgress(inserted, elapsedMs) {
        if (elapsedMs - lastReport < 5000) return;
        lastReport = elapsedMs;
        const total = existing + inserted;
        console.log(`  ${total.toLocaleString('en')} in ${(elapsedMs / 1000).toFixed(0)} s`);
      },
    });
    const seconds = result.elapsedMs / 1000;
    const next: Marker = { rows: args.rows, seed: BENCH_SEED, seededAt: new Date().toISOString(), seconds };
    writeFileSync(markerPath, `${JSON.stringify(next, null, 2)}\n`);
    rmSync(partialPath, { force: true });
    const rate = Math.round(result.inserted / seconds);
    const resumed = existing > 0 ? `resumed at ${existing}, ` : '';
    return {
      dataDir,
      databaseUrl: args.databaseUrl,
      rows: existing + result.inserted,
      origin: `seeded now: ${resumed}${result.inserted} in ${seconds.toFixed(1)} s, ${rate}/s (store insert ${(result.insertMs / 1000).toFixed(1)} s, CPU ${(result.cpuMs / 1000).toFixed(1)} s)`,
    };
  } finally {
    await store.close();
  }
}

/** Removes what an earlier run's ingest benchmark added, then counts. */
async function settleCount(dataDir: string, databaseUrl: string | undefined): Promise<number> {
  const store = await openStore({ dataDir, databaseUrl });
  try {
    await store.deleteRequests(requestFilterSchema.parse({ tags: [INGEST_TAG] }));
    return await store.countRequests(emptyFilter());
  } finally {
    await store.close();
  }
}

export async function removeIngestedRows(db: BenchDatabase): Promise<number> {
  const store = await openStore({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
  try {
    return await store.deleteRequests(requestFilterSchema.parse({ tags: [INGEST_TAG] }));
  } finally {
    await store.close();
  }
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
