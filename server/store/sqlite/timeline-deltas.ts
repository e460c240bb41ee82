/**
 * The timeline rollups' share of inserted rows (timeline-schema.ts), summed in memory and written
 * once per transaction like the facet counters (counters.ts): a group commit of many requests
 * costs one upsert per distinct hour × key instead of several per row. Deletes and updates are
 * counted by the schema's triggers.
 */
import { DIMENSIONS, HOUR_MS, latencyBin } from '../sql/timeline-plan.ts';
import type { Statements } from './statements.ts';

const KEYS = 'bucket_ms, status, provider, model, prompt';
const DIM_KEYS = 'kind, value, bucket_ms, status';
const UPSERT_CROSS = `INSERT INTO timeline_rollup (${KEYS}, n, cost) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (${KEYS}) DO UPDATE SET n = n + excluded.n, cost = cost + excluded.cost`;
const UPSERT_CROSS_BINS = `INSERT INTO timeline_latency (${KEYS}, lb, n) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (${KEYS}, lb) DO UPDATE SET n = n + excluded.n`;
const UPSERT_DIMS = `INSERT INTO timeline_dims (${DIM_KEYS}, n, cost) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (${DIM_KEYS}) DO UPDATE SET n = n + excluded.n, cost = cost + excluded.cost`;
const UPSERT_DIM_BINS = `INSERT INTO timeline_dim_latency (${DIM_KEYS}, lb, n) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (${DIM_KEYS}, lb) DO UPDATE SET n = n + excluded.n`;

export interface TimelineFacts {
  startMs: number;
  latencyMs: number;
  status: string;
  provider: string;
  model: string;
  promptName: string | null;
  price: number;
}

interface Sum {
  key: (string | number)[];
  n: number;
  cost: number;
}

function bump(map: Map<string, Sum>, key: (string | number)[], cost: number): void {
  const id = key.join('\u0000');
  const sum = map.get(id);
  if (sum) {
    sum.n += 1;
    sum.cost += cost;
  } else map.set(id, { key, n: 1, cost });
}

export class TimelineDeltas {
  private readonly cross = new Map<string, Sum>();
  private readonly crossBins = new Map<string, Sum>();
  private readonly dims = new Map<string, Sum>();
  private readonly dimBins = new Map<string, Sum>();

  add(row: TimelineFacts): void {
    const bucket = row.startMs - (row.startMs % HOUR_MS);
    const prompt = row.promptName ?? '';
    const lb = latencyBin(row.latencyMs);
    const crossKey = [bucket, row.status, row.provider, row.model, prompt];
    bump(this.cross, crossKey, row.price);
    bump(this.crossBins, [...crossKey, lb], 0);
    const values: Record<(typeof DIMENSIONS)[number], string> = {
      all: '',
      model: row.model,
      provider: row.provider,
      prompt,
    };
    for (const kind of DIMENSIONS) {
      const dimKey = [kind, values[kind], bucket, row.status];
      bump(this.dims, dimKey, row.price);
      bump(this.dimBins, [...dimKey, lb], 0);
    }
  }

  /** Writes the sums (inside the caller's transaction) and forgets them. */
  flush(statements: Statements): void {
    const write = (sql: string, map: Map<string, Sum>, withCost: boolean) => {
      if (map.size === 0) return;
      const upsert = statements.prepare(sql);
      for (const { key, n, cost } of map.values()) {
        if (withCost) upsert.run(...key, n, cost);
        else upsert.run(...key, n);
      }
    };
    write(UPSERT_CROSS, this.cross, true);
    write(UPSERT_CROSS_BINS, this.crossBins, false);
    write(UPSERT_DIMS, this.dims, true);
    write(UPSERT_DIM_BINS, this.dimBins, false);
    this.discard();
  }

  discard(): void {
    this.cross.clear();
    this.crossBins.clear();
    this.dims.clear();
    this.dimBins.clear();
  }
}
