/**
 * A row's input or output preview; when q matched there, the fragment around the match with
 * the match marked. The text before the match gives way first (clipped on its left), so the
 * match stays visible in a narrow column.
 */
import type { MatchSnippet } from '../../../../contract/api.ts';
import { Preview } from './cells.tsx';

export function MatchPreview({ text, match }: { text: string; match: MatchSnippet | undefined }) {
  if (!match) return <Preview text={text} />;
  const end = match.start + match.length;
  return (
    <span className="preview match-preview" title={match.text}>
      <span className="match-before">
        <span>{match.text.slice(0, match.start)}</span>
      </span>
      <mark className="match">{match.text.slice(match.start, end)}</mark>
      <span className="match-after">{match.text.slice(end)}</span>
    </span>
  );
}
