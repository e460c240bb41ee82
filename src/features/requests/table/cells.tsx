import type { RequestRow } from '../../../../contract/api.ts';
import {
  EMPTY_MARK,
  formatDateTime,
  formatRelativeTime,
  formatStatus,
  formatUtcTime,
} from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';

export function TimeCell({ iso }: { iso: string }) {
  useNow(); // re-render as time passes
  return (
    <time dateTime={iso} title={`${formatDateTime(iso)}\n${formatUtcTime(iso)}`} className="cell-time">
      {formatRelativeTime(iso)}
    </time>
  );
}

export function StatusBadge({ row }: { row: Pick<RequestRow, 'status' | 'errorType'> }) {
  const label = formatStatus(row.status);
  return (
    <span className={`badge badge-${row.status.toLowerCase()}`} title={row.errorType ?? undefined}>
      {label}
    </span>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="muted">{EMPTY_MARK}</span>;
  // A long first tag gets the cell to itself; after a short one, a second may show (shortened if it must).
  const shown = (tags[0]?.length ?? 0) > 10 ? 1 : 2;
  return (
    <span className="chip-row" title={tags.join(', ')}>
      {tags.slice(0, shown).map((tag) => (
        <span key={tag} className="tag truncate">
          {tag}
        </span>
      ))}
      {tags.length > shown ? <span className="more">+{tags.length - shown}</span> : null}
    </span>
  );
}

/** The first score whole ("accuracy 87"), the rest counted; every score in the tooltip. */
export function ScoreList({ scores }: { scores: Record<string, number> }) {
  const entries = Object.entries(scores).sort(([a], [b]) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
  );
  if (entries.length === 0) return <span className="muted">{EMPTY_MARK}</span>;
  const [name, value] = entries[0] as [string, number];
  return (
    <span className="chip-row" title={entries.map(([n, v]) => `${n}: ${v}`).join(', ')}>
      <span className="score">
        {name === 'default' ? '' : <span className="score-name">{name} </span>}
        <strong>{value}</strong>
      </span>
      {entries.length > 1 ? <span className="more">+{entries.length - 1}</span> : null}
    </span>
  );
}

export function Preview({ text }: { text: string }) {
  if (!text) return <span className="muted">{EMPTY_MARK}</span>;
  return (
    <span className="preview" title={text}>
      {text}
    </span>
  );
}
