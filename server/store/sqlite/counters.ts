/**
 * Facet counters for inserted rows, summed in memory and written once per transaction: a batch
 * of 5,000 requests costs a few hundred counter upserts instead of one per row and facet.
 * Deletes and updates are counted by the schema's triggers.
 */
import { FullTextBatch } from './full-text-batch.ts';
import type { Statements } from './statements.ts';
import { TimelineDeltas } from './timeline-deltas.ts';

const UPSERT_FACET = `INSERT INTO facet_counts (kind, value, extra, n) VALUES (?, ?, ?, ?)
  ON CONFLICT (kind, value, extra) DO UPDATE SET n = n + excluded.n`;
const UPSERT_META_VALUE = `INSERT INTO metadata_value_counts (key, value, n) VALUES (?, ?, ?)
  ON CONFLICT (key, value) DO UPDATE SET n = n + excluded.n`;

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export class CounterDeltas {
  private readonly facets = new Map<string, Map<string, Map<string, number>>>();
  private readonly metaValues = new Map<string, Map<string, number>>();
  /** The timeline rollups' share, flushed and discarded with the facet counts. */
  readonly timeline = new TimelineDeltas();
  /** The inserted rows' full text, indexed with the counters at commit. */
  readonly fullText = new FullTextBatch();

  facet(kind: string, value: string, extra = ''): void {
    const byValue = child(this.facets, kind, () => new Map<string, Map<string, number>>());
    const byExtra = child(byValue, value, () => new Map<string, number>());
    byExtra.set(extra, (byExtra.get(extra) ?? 0) + 1);
  }

  metadata(key: string, value: string): void {
    this.facet('metadata_key', key);
    const byValue = child(this.metaValues, key, () => new Map<string, number>());
    byValue.set(value, (byValue.get(value) ?? 0) + 1);
  }

  /** Writes the sums (inside the caller's transaction) and forgets them. */
  flush(statements: Statements): void {
    if (this.facets.size > 0) {
      const upsert = statements.prepare(UPSERT_FACET);
      for (const [kind, byValue] of this.facets)
        for (const [value, byExtra] of byValue)
          for (const [extra, n] of byExtra) upsert.run(kind, value, extra, n);
    }
    if (this.metaValues.size > 0) {
      const upsert = statements.prepare(UPSERT_META_VALUE);
      for (const [key, byValue] of this.metaValues)
        for (const [value, n] of byValue) upsert.run(key, value, n);
    }
    this.timeline.flush(statements);
    this.fullText.flush(statements);
    this.discard();
  }

  /** Forgets the sums, e.g. when the transaction they belong to rolled back. */
  discard(): void {
    this.facets.clear();
    this.metaValues.clear();
    this.timeline.discard();
    this.fullText.discard();
  }
}
