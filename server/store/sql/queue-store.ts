/** The QueueStore in SQL both adapters run unchanged; each supplies a runner with transactions. */
import type { QueueItem, QueueProgress } from '../../../contract/review-queues.ts';
import type {
  NewQueueRow,
  QueueRow,
  QueueStore,
  ReviewValues,
  StoredReview,
  SubmitOutcome,
  SubmitReview,
  UndoneReview,
} from '../queue-store.ts';
import type { SqlRunner } from './auth-store.ts';
import { join, list, raw, type Sql, sql } from './fragment.ts';
import type { DbRow } from './rows.ts';

export interface TransactionalRunner extends SqlRunner {
  /** Runs `work` in one transaction (all or nothing). */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

const QUEUE_COLUMNS = raw(
  'id, name, description, definition_ids, reviewers, reviews_needed, blind, source_query, created_by, created_ms',
);
const REVIEW_COLUMNS = raw('id, request_id, reviewer, score_values, previous_values, comment, at_ms');
const LIST_MAX = 200;
/** Rows per INSERT when items are added (three values each). */
const ITEM_CHUNK = 500;

const num = (value: unknown): number => Number(value);

function toQueue(row: DbRow): QueueRow {
  return {
    id: num(row.id),
    name: String(row.name),
    description: String(row.description),
    definitionIds: JSON.parse(String(row.definition_ids)) as number[],
    reviewers: JSON.parse(String(row.reviewers)) as string[],
    reviewsNeeded: num(row.reviews_needed),
    blind: num(row.blind) !== 0,
    sourceQuery:
      row.source_query === null || row.source_query === undefined ? null : String(row.source_query),
    createdBy: String(row.created_by),
    createdAt: num(row.created_ms),
  };
}

function toReview(row: DbRow): StoredReview {
  return {
    id: num(row.id),
    requestId: num(row.request_id),
    reviewer: String(row.reviewer),
    values: JSON.parse(String(row.score_values)) as Record<string, number>,
    previous: JSON.parse(String(row.previous_values)) as Record<string, number | null>,
    comment: row.comment === null || row.comment === undefined ? null : String(row.comment),
    at: num(row.at_ms),
  };
}

export class SqlQueueStore implements QueueStore {
  constructor(
    private readonly db: TransactionalRunner,
    /** PostgreSQL locks the queue's row; SQLite's transactions already have one writer. */
    private readonly lockClause: '' | ' FOR UPDATE',
  ) {}

  /** Takes the queue for this transaction; its reviews_needed, or null when there is no such queue. */
  private async lockQueue(tx: SqlRunner, queueId: number): Promise<number | null> {
    const [row] = await tx.rows(
      sql`SELECT reviews_needed FROM review_queues WHERE id = ${queueId}${raw(this.lockClause)}`,
    );
    return row ? num(row.reviews_needed) : null;
  }

  async createQueue(queue: NewQueueRow, actor: string, nowMs: number): Promise<QueueRow> {
    const [row] = await this.db.rows(
      sql`INSERT INTO review_queues
        (name, description, definition_ids, reviewers, reviews_needed, blind, source_query, created_by, created_ms)
        VALUES (${queue.name}, ${queue.description}, ${JSON.stringify(queue.definitionIds)},
          ${JSON.stringify(queue.reviewers)}, ${queue.reviewsNeeded}, ${queue.blind ? 1 : 0},
          ${queue.sourceQuery}, ${actor}, ${nowMs})
        RETURNING ${QUEUE_COLUMNS}`,
    );
    if (!row) throw new Error('review queue insert returned no row');
    return toQueue(row);
  }

  async getQueue(id: number): Promise<QueueRow | null> {
    const [row] = await this.db.rows(sql`SELECT ${QUEUE_COLUMNS} FROM review_queues WHERE id = ${id}`);
    return row ? toQueue(row) : null;
  }

  async deleteQueue(id: number): Promise<boolean> {
    return (await this.db.run(sql`DELETE FROM review_queues WHERE id = ${id}`)) > 0;
  }

  async listQueues(): Promise<QueueRow[]> {
    const rows = await this.db.rows(
      sql`SELECT ${QUEUE_COLUMNS} FROM review_queues ORDER BY id DESC LIMIT ${LIST_MAX}`,
    );
    return rows.map(toQueue);
  }

  addItems(queueId: number, requestIds: readonly number[]): Promise<number> {
    const ids = [...new Set(requestIds)];
    return this.db.transaction(async (tx) => {
      if ((await this.lockQueue(tx, queueId)) === null) return 0;
      const [top] = await tx.rows(
        sql`SELECT COALESCE(MAX(position), 0) AS top FROM queue_items WHERE queue_id = ${queueId}`,
      );
      let position = num(top?.top ?? 0);
      let added = 0;
      for (let start = 0; start < ids.length; start += ITEM_CHUNK) {
        const chunk = ids.slice(start, start + ITEM_CHUNK);
        const values = join(
          chunk.map(
            (id) => sql`(CAST(${queueId} AS BIGINT), CAST(${id} AS BIGINT), CAST(${++position} AS BIGINT))`,
          ),
          ', ',
        );
        added += await tx.run(
          sql`INSERT INTO queue_items (queue_id, request_id, position)
            SELECT v.column1, v.column2, v.column3 FROM (VALUES ${values}) AS v
            WHERE EXISTS (SELECT 1 FROM requests r WHERE r.id = v.column2)
            ON CONFLICT (queue_id, request_id) DO NOTHING`,
        );
      }
      return added;
    });
  }

  async countItems(queueId: number): Promise<number> {
    const [row] = await this.db.rows(sql`SELECT count(*) AS n FROM queue_items WHERE queue_id = ${queueId}`);
    return num(row?.n ?? 0);
  }

  async progress(queueId: number, reviewer: string): Promise<QueueProgress> {
    const [items] = await this.db.rows(
      sql`SELECT count(*) AS total,
          COALESCE(SUM(CASE WHEN i.reviews >= q.reviews_needed THEN 1 ELSE 0 END), 0) AS done
        FROM queue_items i JOIN review_queues q ON q.id = i.queue_id WHERE i.queue_id = ${queueId}`,
    );
    const counts = await this.db.rows(
      sql`SELECT reviewer, count(*) AS n FROM queue_reviews WHERE queue_id = ${queueId}
        GROUP BY reviewer ORDER BY count(*) DESC, reviewer`,
    );
    const byReviewer = counts.map((row) => ({ reviewer: String(row.reviewer), reviews: num(row.n) }));
    return {
      total: num(items?.total ?? 0),
      done: num(items?.done ?? 0),
      mine: byReviewer.find((c) => c.reviewer === reviewer)?.reviews ?? 0,
      reviews: byReviewer.reduce((sum, c) => sum + c.reviews, 0),
      byReviewer,
    };
  }

  claimNext(queueId: number, reviewer: string, nowMs: number, leaseMs: number): Promise<QueueItem | null> {
    return this.db.transaction(async (tx) => {
      const needed = await this.lockQueue(tx, queueId);
      if (needed === null) return null;
      const [held] = await tx.rows(
        sql`SELECT l.request_id FROM queue_leases l
          WHERE l.queue_id = ${queueId} AND l.reviewer = ${reviewer} AND l.expires_ms > ${nowMs}
          ORDER BY l.expires_ms DESC LIMIT 1`,
      );
      await tx.run(
        sql`DELETE FROM queue_leases WHERE queue_id = ${queueId}
          AND (expires_ms <= ${nowMs} OR reviewer = ${reviewer})`,
      );
      const requestId = held ? num(held.request_id) : await this.pick(tx, queueId, reviewer, needed);
      if (requestId === null) return null;
      const leaseExpiresAt = nowMs + leaseMs;
      await tx.run(
        sql`INSERT INTO queue_leases (queue_id, request_id, reviewer, expires_ms)
          VALUES (${queueId}, ${requestId}, ${reviewer}, ${leaseExpiresAt})`,
      );
      return { requestId, leaseExpiresAt };
    });
  }

  async peekNext(queueId: number, reviewer: string, current: number): Promise<number | null> {
    const queue = await this.getQueue(queueId);
    return queue ? this.pick(this.db, queueId, reviewer, queue.reviewsNeeded, current) : null;
  }

  /** The first open item for the reviewer: never skipped ones in queue order, then skipped ones oldest skip first. */
  private async pick(
    tx: SqlRunner,
    queueId: number,
    reviewer: string,
    needed: number,
    exclude = 0,
  ): Promise<number | null> {
    const open = sql`i.queue_id = ${queueId} AND i.reviews < ${needed} AND i.request_id <> ${exclude}
      AND NOT EXISTS (SELECT 1 FROM queue_reviews r
        WHERE r.queue_id = ${queueId} AND r.request_id = i.request_id AND r.reviewer = ${reviewer})
      AND i.reviews + (SELECT count(*) FROM queue_leases l
        WHERE l.queue_id = ${queueId} AND l.request_id = i.request_id) < ${needed}`;
    const skipped = (s: string) =>
      sql`${raw(s)} (SELECT 1 FROM queue_skips s WHERE s.queue_id = ${queueId} AND s.reviewer = ${reviewer}
        AND s.request_id = i.request_id)`;
    const [fresh] = await tx.rows(
      sql`SELECT i.request_id FROM queue_items i WHERE ${open} AND ${skipped('NOT EXISTS')}
        ORDER BY i.position LIMIT 1`,
    );
    if (fresh) return num(fresh.request_id);
    const [again] = await tx.rows(
      sql`SELECT i.request_id FROM queue_items i
        JOIN queue_skips s ON s.queue_id = i.queue_id AND s.request_id = i.request_id AND s.reviewer = ${reviewer}
        WHERE ${open} ORDER BY s.at_ms, i.position LIMIT 1`,
    );
    return again ? num(again.request_id) : null;
  }

  submitReview(input: SubmitReview): Promise<SubmitOutcome> {
    const { queueId, requestId, reviewer, nowMs } = input;
    return this.db.transaction(async (tx): Promise<SubmitOutcome> => {
      const needed = await this.lockQueue(tx, queueId);
      const [item] = await tx.rows(
        sql`SELECT reviews FROM queue_items WHERE queue_id = ${queueId} AND request_id = ${requestId}`,
      );
      if (needed === null || !item) return { ok: false, reason: 'not_in_queue' };
      const [mine] = await tx.rows(
        sql`SELECT 1 AS x FROM queue_reviews
          WHERE queue_id = ${queueId} AND request_id = ${requestId} AND reviewer = ${reviewer}`,
      );
      if (mine) return { ok: false, reason: 'already_reviewed' };
      if (num(item.reviews) >= needed) return { ok: false, reason: 'item_done' };
      const leases = await tx.rows(
        sql`SELECT reviewer FROM queue_leases
          WHERE queue_id = ${queueId} AND request_id = ${requestId} AND expires_ms > ${nowMs}`,
      );
      const holdsLease = leases.some((l) => String(l.reviewer) === reviewer);
      if (!holdsLease && num(item.reviews) + leases.length >= needed)
        return { ok: false, reason: 'item_reserved' };
      const names = Object.keys(input.values);
      const current = await tx.rows(
        sql`SELECT name, value FROM request_scores WHERE request_id = ${requestId} AND name IN (${list(names)})`,
      );
      const previous: Record<string, number | null> = {};
      for (const name of names) previous[name] = null;
      for (const row of current) previous[String(row.name)] = num(row.value);
      const [row] = await tx.rows(
        sql`INSERT INTO queue_reviews
          (queue_id, request_id, reviewer, score_values, previous_values, comment, at_ms)
          VALUES (${queueId}, ${requestId}, ${reviewer}, ${JSON.stringify(input.values)},
            ${JSON.stringify(previous)}, ${input.comment}, ${nowMs})
          RETURNING ${REVIEW_COLUMNS}`,
      );
      await tx.run(
        sql`UPDATE queue_items SET reviews = reviews + 1
          WHERE queue_id = ${queueId} AND request_id = ${requestId}`,
      );
      await this.release(tx, queueId, requestId, reviewer);
      await tx.run(
        sql`DELETE FROM queue_skips
          WHERE queue_id = ${queueId} AND reviewer = ${reviewer} AND request_id = ${requestId}`,
      );
      if (!row) throw new Error('queue review insert returned no row');
      return { ok: true, review: toReview(row) };
    });
  }

  private release(tx: SqlRunner, queueId: number, requestId: number, reviewer: string): Promise<number> {
    return tx.run(
      sql`DELETE FROM queue_leases
        WHERE queue_id = ${queueId} AND request_id = ${requestId} AND reviewer = ${reviewer}`,
    );
  }

  skipItem(queueId: number, requestId: number, reviewer: string, nowMs: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.lockQueue(tx, queueId);
      const [item] = await tx.rows(
        sql`SELECT 1 AS x FROM queue_items WHERE queue_id = ${queueId} AND request_id = ${requestId}`,
      );
      if (!item) return false;
      await this.release(tx, queueId, requestId, reviewer);
      await tx.run(
        sql`INSERT INTO queue_skips (queue_id, request_id, reviewer, at_ms)
          VALUES (${queueId}, ${requestId}, ${reviewer}, ${nowMs})
          ON CONFLICT (queue_id, reviewer, request_id) DO UPDATE SET at_ms = excluded.at_ms`,
      );
      return true;
    });
  }

  undoLast(queueId: number, reviewer: string, nowMs: number, leaseMs: number): Promise<UndoneReview | null> {
    return this.db.transaction(async (tx) => {
      if ((await this.lockQueue(tx, queueId)) === null) return null;
      const [row] = await tx.rows(
        sql`SELECT ${REVIEW_COLUMNS} FROM queue_reviews WHERE queue_id = ${queueId} AND reviewer = ${reviewer}
          ORDER BY id DESC LIMIT 1`,
      );
      if (!row) return null;
      const review = toReview(row);
      await tx.run(sql`DELETE FROM queue_reviews WHERE id = ${review.id}`);
      await tx.run(
        sql`UPDATE queue_items SET reviews = reviews - 1
          WHERE queue_id = ${queueId} AND request_id = ${review.requestId}`,
      );
      await tx.run(sql`DELETE FROM queue_leases WHERE queue_id = ${queueId} AND reviewer = ${reviewer}`);
      const leaseExpiresAt = nowMs + leaseMs;
      await tx.run(
        sql`INSERT INTO queue_leases (queue_id, request_id, reviewer, expires_ms)
          VALUES (${queueId}, ${review.requestId}, ${reviewer}, ${leaseExpiresAt})`,
      );
      const others = await this.reviewRows(tx, queueId, review.requestId);
      return { review, others, item: { requestId: review.requestId, leaseExpiresAt } };
    });
  }

  async reviewValues(queueId: number): Promise<ReviewValues[]> {
    const rows = await this.db.rows(
      sql`SELECT request_id, reviewer, score_values FROM queue_reviews WHERE queue_id = ${queueId} ORDER BY id`,
    );
    return rows.map((row) => ({
      requestId: num(row.request_id),
      reviewer: String(row.reviewer),
      values: JSON.parse(String(row.score_values)) as Record<string, number>,
    }));
  }

  reviews(queueId: number, requestId?: number): Promise<StoredReview[]> {
    return this.reviewRows(this.db, queueId, requestId);
  }

  private async reviewRows(runner: SqlRunner, queueId: number, requestId?: number): Promise<StoredReview[]> {
    const where: Sql =
      requestId === undefined
        ? sql`queue_id = ${queueId}`
        : sql`queue_id = ${queueId} AND request_id = ${requestId}`;
    const rows = await runner.rows(
      sql`SELECT ${REVIEW_COLUMNS} FROM queue_reviews WHERE ${where} ORDER BY id`,
    );
    return rows.map(toReview);
  }
}
