import type { AnnotationEvent } from '../../../../contract/auth.ts';
import { formatDateTime, formatRelativeTime } from '../../../lib/format.ts';

export interface Authorship {
  actor: string;
  at: number;
}

/** The latest change of each score name: who set the value shown, and when. */
export function latestScoreAuthors(events: readonly AnnotationEvent[]): Record<string, Authorship> {
  const authors: Record<string, Authorship> = {};
  for (const event of events)
    if (event.kind === 'score' && !Object.hasOwn(authors, event.name))
      authors[event.name] = { actor: event.actor, at: event.at };
  return authors;
}

/** Always rendered (empty without an author), so the score row's grid keeps its columns. */
export function Byline({ author }: { author: Authorship | undefined }) {
  if (!author) return <span />;
  const iso = new Date(author.at).toISOString();
  return (
    <span className="drawer-byline" title={formatDateTime(iso)}>
      · {author.actor} · {formatRelativeTime(iso)}
    </span>
  );
}

function describeEvent(event: AnnotationEvent): string {
  const what = event.kind === 'metadata' ? `metadata ${event.name}` : `${event.kind} ${event.name}`;
  if (event.value === null) return `removed ${what}`;
  if (event.kind === 'tag') return `added tag ${event.name}`;
  return `set ${what} to ${event.value}`;
}

/** Every annotation change of this request, newest first. */
export function HistorySection({ events }: { events: readonly AnnotationEvent[] }) {
  if (events.length === 0) return null;
  return (
    <section className="drawer-section" aria-labelledby="drawer-history-title">
      <details>
        <summary>
          <h3 id="drawer-history-title" className="drawer-section-title drawer-inline-title">
            History ({events.length} {events.length === 1 ? 'change' : 'changes'})
          </h3>
        </summary>
        <ol className="drawer-history" aria-label="Annotation history">
          {events.map((event) => {
            const iso = new Date(event.at).toISOString();
            return (
              <li key={event.id}>
                <span className="bp-mono">{describeEvent(event)}</span> · {event.actor} ·{' '}
                <time dateTime={iso} title={formatDateTime(iso)}>
                  {formatRelativeTime(iso)}
                </time>
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
}
