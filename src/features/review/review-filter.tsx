/**
 * The toolbar's "Review" filter (issue #12): requests without a score, scored by me or by someone,
 * with a comment, in a review queue. Writes the list's query-string filter (noscore, scored_by,
 * commented, in_queue).
 */
import { type FormEvent, useState } from 'react';
import type { FacetValue, RequestFilter } from '../../../contract/api.ts';
import { TextField } from '../../components/ui/form-field.tsx';
import { useSession } from '../auth/session-context.tsx';
import { FilterPopover } from '../requests/filters/filter-popover.tsx';
import { InQueueFilter } from './queues/in-queue-filter.tsx';
import { withCommented, withNoScore, withScoredBy } from './review-chips.ts';

/** How the server names the signed-in caller as an author (server/auth/principal.ts actorLabel). */
export function useMyAuthorLabel(): string {
  const session = useSession();
  return session.kind === 'account' ? session.name : `key "${session.name}"`;
}

interface ReviewFilterProps {
  scoreNames: readonly FacetValue[];
  filter: RequestFilter;
  onChange: (update: (prev: RequestFilter) => RequestFilter) => void;
}

export function ReviewFilter({ scoreNames, filter, onChange }: ReviewFilterProps) {
  const [open, setOpen] = useState(false);
  const [missing, setMissing] = useState('');
  const [author, setAuthor] = useState('');
  const me = useMyAuthorLabel();
  const active =
    (filter.noScores?.length ?? 0) +
    (filter.scoredBy?.length ?? 0) +
    (filter.commented ? 1 : 0) +
    (filter.inQueue ? 1 : 0);
  const add = (event: FormEvent, update: (prev: RequestFilter) => RequestFilter) => {
    event.preventDefault();
    onChange(update);
    setOpen(false);
  };
  return (
    <FilterPopover label="Review" activeCount={active} open={open} onOpenChange={setOpen}>
      <div className="stack">
        <form
          className="stack"
          noValidate
          onSubmit={(e) =>
            missing.trim() ? add(e, (prev) => withNoScore(prev, missing.trim())) : e.preventDefault()
          }
        >
          <TextField
            small
            label="Has no score named"
            value={missing}
            onChange={setMissing}
            suggestions={scoreNames}
          />
          <button type="submit" className="btn btn-sm btn-default" disabled={!missing.trim()}>
            Add “has no score”
          </button>
        </form>
        <form
          className="stack"
          noValidate
          onSubmit={(e) =>
            author.trim() ? add(e, (prev) => withScoredBy(prev, author.trim())) : e.preventDefault()
          }
        >
          <TextField
            small
            label="Scored by"
            value={author}
            placeholder="a person's name"
            onChange={setAuthor}
            autoComplete="off"
          />
          <div className="row-2">
            <button type="submit" className="btn btn-sm btn-default" disabled={!author.trim()}>
              Add “scored by”
            </button>
            <button
              type="button"
              className="btn btn-sm btn-default"
              onClick={(e) => add(e, (prev) => withScoredBy(prev, me))}
            >
              Scored by me
            </button>
          </div>
        </form>
        <button
          type="button"
          className="btn btn-sm btn-default"
          aria-pressed={filter.commented === true}
          onClick={(e) => add(e, (prev) => withCommented(prev, !prev.commented))}
        >
          {filter.commented ? 'Any request (drop “has a comment”)' : 'Has a comment'}
        </button>
        <InQueueFilter onAdd={add} />
      </div>
    </FilterPopover>
  );
}
