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
  // Long tags get the cell to themselves; short ones go two by two.
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

export function ScoreList({ scores }: { scores: Record<string, number> }) {
  const entries = Object.entries(scores);
  if (entries.length === 0) return <span className="muted">{EMPTY_MARK}</span>;
  return (
    <span className="chip-row" title={entries.map(([name, value]) => `${name}: ${value}`).join(', ')}>
      {entries.slice(0, 2).map(([name, value]) => (
        <span key={name} className="score truncate">
          {name === 'default' ? '' : `${name} `}
          <strong>{value}</strong>
        </span>
      ))}
      {entries.length > 2 ? <span className="more">+{entries.length - 2}</span> : null}
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
