/** Command-line flags of `npm run bench`. */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  rows: number;
  store: 'sqlite' | 'postgres';
  databaseUrl: string | undefined;
  skipBrowser: boolean;
  samples: number;
  ingestCount: number;
  /** Prompt registry section: templates × versions kept in the bench database. */
  templates: number;
  templateVersions: number;
  /** 512-span OTLP exports for the OTLP ingest test. */
  otlpBatches: number;
  /** Run only the variants whose name contains this text (quick checks while developing). */
  only: string | undefined;
  /** Run the read and browser sections again with a CPU burner and a 200/s writer. */
  busy: boolean;
  /** Also measure retention purging this many old requests while clients log (bench/purge-bench.ts). */
  purge: number | undefined;
  /** A saved run to print the cost-growth table against (default .bench/last-run-<store>-1000000.json). */
  baseline: string | undefined;
  /** Also measure a whole-filter bulk tag of this many requests while clients log (bench/bulk-bench.ts). */
  bulk: number | undefined;
  /** Also measure a review queue of this many requests (≤ 10,000) reviewed by two reviewers (bench/queue-bench.ts). */
  queue: number | undefined;
}

export const USAGE = `usage: npm run bench [-- --rows N] [--store sqlite|postgres] [--database-url URL]
                   [--samples K] [--ingest N] [--otlp-batches N] [--templates T] [--template-versions V]
                   [--skip-browser] [--only TEXT] [--busy] [--purge N] [--bulk N] [--queue N] [--baseline FILE]`;

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      store: { type: 'string' },
      'database-url': { type: 'string' },
      'skip-browser': { type: 'boolean' },
      samples: { type: 'string' },
      ingest: { type: 'string' },
      templates: { type: 'string' },
      'template-versions': { type: 'string' },
      'otlp-batches': { type: 'string' },
      only: { type: 'string' },
      busy: { type: 'boolean' },
      purge: { type: 'string' },
      baseline: { type: 'string' },
      bulk: { type: 'string' },
      queue: { type: 'string' },
    },
    strict: true,
  });
  const store = values.store ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres')
    throw new Error(`--store must be sqlite or postgres, got "${store}"`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL ?? undefined;
  if (store === 'postgres' && !databaseUrl?.startsWith('postgres')) {
    throw new Error('--store postgres needs --database-url postgres://… or DATABASE_URL');
  }
  return {
    rows: positiveInt(values.rows, 'rows', 1_000_000),
    store,
    databaseUrl: store === 'postgres' ? databaseUrl : undefined,
    skipBrowser: values['skip-browser'] ?? false,
    samples: positiveInt(values.samples, 'samples', 200),
    ingestCount: positiveInt(values.ingest, 'ingest', 20_000),
    templates: positiveInt(values.templates, 'templates', 1000),
    templateVersions: positiveInt(values['template-versions'], 'template-versions', 20),
    otlpBatches: positiveInt(values['otlp-batches'], 'otlp-batches', 80),
    only: values.only,
    busy: values.busy ?? false,
    purge: values.purge === undefined ? undefined : positiveInt(values.purge, 'purge', 0),
    baseline: values.baseline,
    bulk: values.bulk === undefined ? undefined : positiveInt(values.bulk, 'bulk', 0),
    queue: values.queue === undefined ? undefined : positiveInt(values.queue, 'queue', 0),
  };
}
