/**
 * Storage for review queues (issue #12, contract/review-queues.ts). Both adapters expose one as
 * `store.queues`; the SQL is shared (sql/queue-store.ts). Reviewers are named as annotations name
 * their author. Every change to an item's reviews or leases runs in one transaction that first
 * takes the queue (PostgreSQL: its row lock; SQLite: one writer), so two reviewers asking for the
 * next item at once never both get one that has room for only one more review.
 */
import type { QueueItem, QueueProgress } from '../../contract/review-queues.ts';

export interface QueueRow {
  id: number;
  name: string;
  description: string;
  definitionIds: number[];
  reviewers: string[];
  reviewsNeeded: number;
  blind: boolean;
  sourceQuery: string | null;
  createdBy: string;
  createdAt: number;
}

export type NewQueueRow = Omit<QueueRow, 'id' | 'createdBy' | 'createdAt'>;

export interface StoredReview {
  id: number;
  requestId: number;
  reviewer: string;
  values: Record<string, number>;
  /** The request's scores under those names just before this review wrote its own (null: none). */
  previous: Record<string, number | null>;
  comment: string | null;
  at: number;
}

export type ReviewValues = Pick<StoredReview, 'requestId' | 'reviewer' | 'values'>;

export interface SubmitReview {
  queueId: number;
  requestId: number;
  reviewer: string;
  values: Record<string, number>;
  comment: string | null;
  nowMs: number;
}

export type SubmitOutcome =
  | { ok: true; review: StoredReview }
  | { ok: false; reason: 'not_in_queue' | 'already_reviewed' | 'item_done' | 'item_reserved' };

export interface UndoneReview {
  review: StoredReview;
  /** The item's other reviews in this queue, oldest first. */
  others: StoredReview[];
  /** The item is the reviewer's again (leased) until then. */
  item: QueueItem;
}

export interface QueueStore {
  createQueue(queue: NewQueueRow, actor: string, nowMs: number): Promise<QueueRow>;
  getQueue(id: number): Promise<QueueRow | null>;
  /** Deletes the queue with its items, leases and reviews (the scores written stay). False when there is none. */
  deleteQueue(id: number): Promise<boolean>;
  /** Newest first. */
  listQueues(): Promise<QueueRow[]>;
  /** Appends these requests (in this order) to the queue; ids already in it or of no request are left out. Returns how many were added. */
  addItems(queueId: number, requestIds: readonly number[]): Promise<number>;
  countItems(queueId: number): Promise<number>;
  progress(queueId: number, reviewer: string): Promise<QueueProgress>;
  /**
   * The reviewer's current item (their live lease, renewed), else a new lease on the first item
   * (in queue order, items they skipped last) that still needs reviews counting live leases, that
   * they have not reviewed. null when nothing is left for them.
   */
  claimNext(queueId: number, reviewer: string, nowMs: number, leaseMs: number): Promise<QueueItem | null>;
  /** The item claimNext would most likely give the reviewer after `current` (no lease taken): for prefetching. */
  peekNext(queueId: number, reviewer: string, current: number): Promise<number | null>;
  submitReview(input: SubmitReview): Promise<SubmitOutcome>;
  /** Releases the reviewer's lease on the item; it comes back to them after everything else. False when not in the queue. */
  skipItem(queueId: number, requestId: number, reviewer: string, nowMs: number): Promise<boolean>;
  /** Removes the reviewer's most recent review in the queue and leases its item to them again. */
  undoLast(queueId: number, reviewer: string, nowMs: number, leaseMs: number): Promise<UndoneReview | null>;
  /** Reviews in the queue (of one item when given), oldest first. */
  reviews(queueId: number, requestId?: number): Promise<StoredReview[]>;
  /** Every review's values only (what a summary reads), oldest first. */
  reviewValues(queueId: number): Promise<ReviewValues[]>;
}
