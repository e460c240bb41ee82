import type { ScoreComment } from '../../../contract/score-definitions.ts';

/** A score's comment under it in the drawer, as plain text with its author. */
export function ScoreCommentLine({ comment }: { comment: ScoreComment | undefined }) {
  if (!comment) return null;
  return (
    <p className="drawer-score-comment-text">
      “{comment.comment}” — {comment.actor}
    </p>
  );
}
