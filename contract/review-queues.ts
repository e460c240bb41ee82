/**
 * Review queues (issue #12): a fixed list of requests, materialised when the queue is created
 * (from the list's filter or a selection of ids), that reviewers work through one at a time,
 * filling the queue's score definitions. "Next" reserves an item for its reviewer for a while
 * (a lease) so two reviewers do not collide; an item is done once it has `reviewsNeeded` reviews.
 */
import { z } from 'zod';
import { idParamSchema, SCORE_COMMENT_MAX } from './api.ts';
import { BULK_SELECTION_MAX } from './bulk.ts';
import { REVIEW_QUEUE_LIMITS } from './limits.ts';
import { scoreDefinitionSchema } from './score-definitions.ts';

export const QUEUE_NAME_MAX = 200;
export const QUEUE_DESCRIPTION_MAX = 2000;
const REVIEWER_NAME_MAX = 200;

const requestIds = z.array(z.number().int().positive()).min(1).max(BULK_SELECTION_MAX);

/** POST /api/queues: `query` (the list's query string) or `ids`, not both. */
export const newQueueBodySchema = z
  .object({
    name: z.string().trim().min(1).max(QUEUE_NAME_MAX),
    description: z.string().max(QUEUE_DESCRIPTION_MAX).default(''),
    /** Ids of active score definitions, in the order the form shows them. */
    definitionIds: z
      .array(z.number().int().positive())
      .min(1)
      .max(REVIEW_QUEUE_LIMITS.definitions)
      .refine((ids) => new Set(ids).size === ids.length, 'each definition once'),
    /** Reviewers by name (as annotations name their author); empty: open to every annotator. */
    reviewers: z
      .array(z.string().trim().min(1).max(REVIEWER_NAME_MAX))
      .max(REVIEW_QUEUE_LIMITS.reviewers)
      .default([]),
    reviewsNeeded: z.number().int().min(1).max(REVIEW_QUEUE_LIMITS.reviewsNeeded).default(1),
    /** Reviewers do not see others' scores on an item until they have submitted theirs. */
    blind: z.boolean().default(true),
    query: z.string().max(20_000).optional(),
    ids: requestIds.optional(),
  })
  .refine((body) => (body.query === undefined) !== (body.ids === undefined), {
    message: 'give either query (the current filter) or ids (a selection)',
    path: ['query'],
  });
export type NewQueueBody = z.infer<typeof newQueueBodySchema>;

export const queueParamsSchema = z.object({ id: idParamSchema });
export const queueItemParamsSchema = z.object({ id: idParamSchema, requestId: idParamSchema });

export const addQueueItemsBodySchema = z.object({ ids: requestIds });
export const addQueueItemsResponseSchema = z.object({
  /** New items (ids already in the queue or of deleted requests are left out). */
  added: z.number().int(),
  total: z.number().int(),
});

export const reviewerCountSchema = z.object({ reviewer: z.string(), reviews: z.number().int() });

export const queueProgressSchema = z.object({
  total: z.number().int(),
  /** Items with all the reviews they need. */
  done: z.number().int(),
  /** Reviews the caller submitted in this queue. */
  mine: z.number().int(),
  /** Reviews submitted by everyone. */
  reviews: z.number().int(),
  byReviewer: z.array(reviewerCountSchema),
});
export type QueueProgress = z.infer<typeof queueProgressSchema>;

export const queueSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  definitions: z.array(scoreDefinitionSchema),
  reviewers: z.array(z.string()),
  reviewsNeeded: z.number().int(),
  blind: z.boolean(),
  /** The list query string the items came from; null for a selection of ids. */
  sourceQuery: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.number().int(),
  progress: queueProgressSchema,
});
export type Queue = z.infer<typeof queueSchema>;

export const queuesResponseSchema = z.object({ queues: z.array(queueSchema) });

export const queueItemSchema = z.object({
  requestId: z.number().int(),
  /** The lease: the item is the caller's until then. */
  leaseExpiresAt: z.number().int(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** POST /api/queues/:id/next and /undo: the caller's item (null when nothing is left for them). */
export const queueTurnSchema = z.object({
  item: queueItemSchema.nullable(),
  /** The request likely to come after this one (not reserved): the screen loads it ahead. */
  upcoming: z.number().int().nullable(),
  progress: queueProgressSchema,
});
export type QueueTurn = z.infer<typeof queueTurnSchema>;

/** Score values by definition name (0–100 wire values); a comment says why. */
export const submitReviewBodySchema = z.object({
  values: z
    .record(z.string(), z.number().int().min(0).max(100))
    .refine((values) => Object.keys(values).length > 0, 'give at least one score'),
  comment: z.string().max(SCORE_COMMENT_MAX).optional(),
});
export type SubmitReviewBody = z.infer<typeof submitReviewBodySchema>;

export const queueReviewSchema = z.object({
  requestId: z.number().int(),
  reviewer: z.string(),
  values: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  at: z.number().int(),
});
export type QueueReview = z.infer<typeof queueReviewSchema>;

/** GET /api/queues/:id/items/:requestId/reviews: others' reviews (withheld while blind). */
export const itemReviewsResponseSchema = z.object({
  /** False while the queue is blind and the caller has not reviewed the item yet. */
  visible: z.boolean(),
  reviews: z.array(queueReviewSchema),
});

/** One definition's agreement between reviewers (null where the data cannot give a number). */
export const agreementSchema = z.object({
  name: z.string(),
  kind: z.enum(['numeric', 'categorical', 'boolean']),
  /** Items with at least two reviews of this definition. */
  items: z.number().int(),
  /** Share of reviewer pairs on an item that gave the same value (0–1). */
  percentAgreement: z.number().nullable(),
  /** Cohen's kappa: exactly two reviewers over the compared items. */
  cohensKappa: z.number().nullable(),
  /** Fleiss' kappa: items with the same number (≥ 2) of ratings. */
  fleissKappa: z.number().nullable(),
  /** Numeric: mean absolute difference between pairs of reviewers. */
  meanAbsoluteDifference: z.number().nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const queueSummarySchema = z.object({
  queue: queueSchema,
  distributions: z.array(
    z.object({
      name: z.string(),
      buckets: z.array(z.object({ label: z.string(), value: z.number(), count: z.number().int() })),
    }),
  ),
  agreement: z.array(agreementSchema),
  /** Items whose reviewers differ most (largest spread first). */
  disputed: z.array(
    z.object({
      requestId: z.number().int(),
      spread: z.number(),
      reviews: z.array(queueReviewSchema),
    }),
  ),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;
