/**
 * Full text for the requests a transaction inserted, written by one statement per index when
 * the transaction commits. A per-row insert trigger made FTS5 write its pending terms out once
 * per row (each statement opens a savepoint, and FTS5 flushes at every savepoint), so every
 * logged request left a tiny segment behind for the merger: with the trigram index that halved
 * /log-request throughput. One INSERT … SELECT over the transaction's id range costs a tenth.
 */
import type { Statements } from './statements.ts';

const INDEX_WORDS = `INSERT INTO requests_fts (rowid, input_text, output_text)
  SELECT request_id, input_text, output_text FROM request_bodies WHERE request_id BETWEEN ? AND ?`;
const INDEX_TRIGRAMS = `INSERT INTO requests_trgm (rowid, input_text, output_text)
  SELECT request_id, input_text, output_text FROM request_bodies WHERE request_id BETWEEN ? AND ?`;

export class FullTextBatch {
  private first = 0;
  private last = 0;
  /** Off during a bulk load, which indexes its whole backlog once at the end (bulk-load.ts). */
  live = true;

  /**
   * Ids grow within a transaction and nobody else writes meanwhile, so every body between the
   * first and the last id recorded belongs to this transaction.
   */
  add(requestId: number): void {
    if (this.first === 0) this.first = requestId;
    this.last = requestId;
  }

  flush(statements: Statements): void {
    if (this.first !== 0 && this.live) {
      statements.prepare(INDEX_WORDS).run(this.first, this.last);
      statements.prepare(INDEX_TRIGRAMS).run(this.first, this.last);
    }
    this.discard();
  }

  discard(): void {
    this.first = 0;
    this.last = 0;
  }
}
