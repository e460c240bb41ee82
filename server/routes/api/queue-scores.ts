/**
 * A queue review's scores go through the drawer's annotation path: checked against their score
 * definitions, written to the request, recorded with their author in the annotation history,
 * and carrying the review's comment. Undo puts back what was there before.
 */
import type { FastifyRequest } from 'fastify';
import { type ScoreDefinition, scoreValueProblem } from '../../../contract/score-definitions.ts';
import { actorLabel } from '../../auth/principal.ts';
import { fieldError, HttpError } from '../../http/errors.ts';
import type { StoredReview, UndoneReview } from '../../store/queue-store.ts';
import type { Store } from '../../store/store.ts';
import { recordAnnotations } from './annotation-history.ts';

/** 422 naming `values.<name>` for a name the queue does not fill or a value that does not fit; 409 for an archived definition. */
export function checkReviewValues(
  definitions: readonly ScoreDefinition[],
  values: Record<string, number>,
): void {
  for (const [name, value] of Object.entries(values)) {
    const definition = definitions.find((d) => d.name === name);
    const loc = ['body', 'values', name];
    if (!definition) {
      const names = definitions.map((d) => d.name).join(', ');
      throw fieldError(422, 'not_in_queue', loc, `this queue fills ${names}`, 'unknown_definition');
    }
    if (definition.archivedAt !== null) {
      const msg = `the definition of "${name}" is archived: scores under it are closed`;
      throw new HttpError(409, 'definition_archived', `values.${name}: ${msg}`, [
        { loc, msg, type: 'definition_archived' },
      ]);
    }
    const problem = scoreValueProblem(definition, value);
    if (problem) throw fieldError(422, 'score_out_of_definition', loc, problem, 'invalid_score');
  }
}

/** Writes one review's values (and comment) to the request, as the drawer's score form does. */
export async function writeReviewScores(
  store: Store,
  request: FastifyRequest,
  review: StoredReview,
): Promise<void> {
  const names = Object.keys(review.values);
  for (const name of names) await store.setScore(review.requestId, name, review.values[name] as number);
  await recordAnnotations(
    store,
    request,
    review.requestId,
    names.map((name) => ({ kind: 'score' as const, name, value: String(review.values[name]) })),
  );
  if (review.comment === null) return;
  const actor = actorLabel(request.principal);
  for (const name of names)
    await store.review.setScoreComment(review.requestId, name, review.comment, actor, review.at);
}

/**
 * After an undo, each score the review wrote becomes the latest other review's value in this
 * queue, else what the request had before the review (or nothing).
 */
export async function restoreScores(
  store: Store,
  request: FastifyRequest,
  undone: UndoneReview,
): Promise<void> {
  const { review, others } = undone;
  const id = review.requestId;
  const changes: { kind: 'score'; name: string; value: string | null }[] = [];
  for (const name of Object.keys(review.values)) {
    const other = others.findLast((o) => o.values[name] !== undefined);
    const value = other ? (other.values[name] as number) : (review.previous[name] ?? null);
    if (value === null) await store.deleteScore(id, name);
    else await store.setScore(id, name, value);
    changes.push({ kind: 'score', name, value: value === null ? null : String(value) });
    if (review.comment !== null) {
      const comment = other?.comment ?? null;
      const actor = other?.reviewer ?? actorLabel(request.principal);
      await store.review.setScoreComment(id, name, comment, actor, Date.now());
    }
  }
  await recordAnnotations(store, request, id, changes);
}
