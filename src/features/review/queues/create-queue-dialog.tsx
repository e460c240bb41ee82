/** "Create queue from this filter" on the Requests page (admins): the matching requests become a queue. */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { listToParams } from '../../../../contract/filter-query.ts';
import { REVIEW_QUEUE_LIMITS } from '../../../../contract/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { formatCount } from '../../../lib/format.ts';
import { navigate } from '../../prompts/prompts-url.ts';
import type { ListView } from '../../requests/api/request-queries.ts';
import { scoreDefinitionQueries } from '../api/score-definition-queries.ts';
import { useCreateQueue } from './queue-queries.ts';
import { queuesHref } from './queues-url.ts';
import './queues.css';

export function CreateQueueDialog({ view, total }: { view: ListView; total: number | undefined }) {
  const [open, setOpen] = useState(false);
  const count = total ?? 0;
  return (
    <>
      <Button size="sm" disabled={count === 0} onClick={() => setOpen(true)}>
        Create queue…
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Create queue from this filter (${formatCount(count)} ${count === 1 ? 'request' : 'requests'})`}
      >
        {open ? <CreateQueueForm view={view} count={count} /> : null}
      </Dialog>
    </>
  );
}

function CreateQueueForm({ view, count }: { view: ListView; count: number }) {
  const id = useId();
  const create = useCreateQueue();
  const definitions = useQuery(scoreDefinitionQueries.list()).data?.definitions ?? [];
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [reviewers, setReviewers] = useState('');
  const [needed, setNeeded] = useState('1');
  const [blind, setBlind] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const tooMany = count > REVIEW_QUEUE_LIMITS.items;
  return (
    <form
      className="bulk-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') return setProblem('Give the queue a name.');
        if (chosen.length === 0) return setProblem('Choose at least one score definition to fill.');
        const reviewsNeeded = Number(needed);
        if (
          !Number.isInteger(reviewsNeeded) ||
          reviewsNeeded < 1 ||
          reviewsNeeded > REVIEW_QUEUE_LIMITS.reviewsNeeded
        )
          return setProblem(
            `Reviews per item: a whole number from 1 to ${REVIEW_QUEUE_LIMITS.reviewsNeeded}.`,
          );
        setProblem(null);
        create.mutate(
          {
            name: name.trim(),
            description: '',
            definitionIds: chosen,
            reviewers: reviewers
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
            reviewsNeeded,
            blind,
            query: listToParams({ filter: view.filter }).toString(),
          },
          { onSuccess: () => navigate(queuesHref({ page: 'list' })) },
        );
      }}
    >
      <label htmlFor={`${id}-name`}>Queue name</label>
      <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset className="queue-definitions">
        <legend>Scores to fill</legend>
        {definitions.length === 0 ? (
          <p className="muted">No score definitions yet: create them in Settings first.</p>
        ) : null}
        {definitions.map((definition) => (
          <label key={definition.id} className="queue-check">
            <input
              type="checkbox"
              checked={chosen.includes(definition.id)}
              onChange={(e) =>
                setChosen(
                  e.target.checked ? [...chosen, definition.id] : chosen.filter((c) => c !== definition.id),
                )
              }
            />{' '}
            {definition.name} <span className="muted">({definition.kind})</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-reviewers`}>Reviewers (names, comma-separated; empty: any annotator)</label>
      <input
        id={`${id}-reviewers`}
        className="input"
        value={reviewers}
        onChange={(e) => setReviewers(e.target.value)}
      />
      <label htmlFor={`${id}-needed`}>Reviews per item</label>
      <input
        id={`${id}-needed`}
        className="input"
        inputMode="numeric"
        value={needed}
        onChange={(e) => setNeeded(e.target.value)}
      />
      <label className="queue-check">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind:
        reviewers see others' scores only after giving theirs
      </label>
      {tooMany ? (
        <p role="alert" className="settings-error">
          {formatCount(count)} requests match: a queue holds at most {formatCount(REVIEW_QUEUE_LIMITS.items)}.
          Narrow the filter.
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="settings-error">
          {problem}
        </p>
      ) : null}
      {create.error ? (
        <p role="alert" className="settings-error">
          {create.error.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={create.isPending || tooMany}>
        Create queue of {formatCount(count)} requests
      </Button>
    </form>
  );
}
