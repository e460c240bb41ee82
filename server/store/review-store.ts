/**
 * Storage for review work (issue #12): score definitions and score comments. Both adapters expose
 * one as `store.review`; the SQL is shared (sql/review-store.ts).
 */
import type { NewScoreDefinition, ScoreComment, ScoreDefinition } from '../../contract/score-definitions.ts';

export interface ReviewStore {
  /** Active definitions by name (and archived ones too when asked), oldest first. */
  listScoreDefinitions(includeArchived: boolean): Promise<ScoreDefinition[]>;
  /** The active definition of `name`, else its most recently archived one, else null. */
  scoreDefinitionNamed(name: string): Promise<ScoreDefinition | null>;
  /** null when an active definition already has this name. */
  createScoreDefinition(
    definition: NewScoreDefinition,
    actor: string,
    nowMs: number,
  ): Promise<ScoreDefinition | null>;
  /** null when there is no such definition; archiving twice keeps the first time. */
  archiveScoreDefinition(id: number, nowMs: number): Promise<ScoreDefinition | null>;

  /** Upserts the comment on (request, score name); null removes it. */
  setScoreComment(
    requestId: number,
    name: string,
    comment: string | null,
    actor: string,
    nowMs: number,
  ): Promise<void>;
  scoreComments(requestId: number): Promise<ScoreComment[]>;
}
