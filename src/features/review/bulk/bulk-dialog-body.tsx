/**
 * The "Change all N matching" dialog's content (a lazy chunk, loaded when the dialog opens): the
 * action form, then the running job's progress with cancel.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { listToParams } from '../../../../contract/filter-query.ts';
import { Button } from '../../../components/ui/button.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useCan } from '../../auth/session-context.tsx';
import type { ListView } from '../../requests/api/request-queries.ts';
import { requestQueries } from '../../requests/api/request-queries.ts';
import {
  BULK_KINDS,
  type BulkDraft,
  describeAction,
  nameLabel,
  needsValue,
  parseBulkDraft,
} from './bulk-action-draft.ts';
import { bulkJobQueries, useCancelBulkJob, useStartBulkJob, useStartDeleteJob } from './bulk-queries.ts';

/** The form's choice: an annotation action, or (admins) deleting the matching requests. */
type Kind = BulkDraft['kind'] | 'delete';

export default function BulkDialogBody({
  view,
  count,
  jobId,
  onStarted,
}: {
  view: ListView;
  count: number;
  jobId: string | null;
  onStarted: (id: string) => void;
}) {
  return jobId ? <BulkProgress id={jobId} /> : <BulkForm view={view} count={count} onStarted={onStarted} />;
}

function BulkForm({
  view,
  count,
  onStarted,
}: {
  view: ListView;
  count: number;
  onStarted: (id: string) => void;
}) {
  const id = useId();
  const start = useStartBulkJob();
  const startDelete = useStartDeleteJob();
  const isAdmin = useCan('admin');
  const [kind, setKind] = useState<Kind>('add-tag');
  const [draft, setDraft] = useState<BulkDraft>({ kind: 'add-tag', name: '', value: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = parseBulkDraft(draft);
  const deleting = kind === 'delete';
  const error = deleting ? startDelete.error : start.error;
  const what = `${formatCount(count)} ${count === 1 ? 'request' : 'requests'}`;
  return (
    <form
      className="bulk-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const query = listToParams({ filter: view.filter }).toString();
        if (deleting)
          return startDelete.mutate({ query, expected: count }, { onSuccess: (job) => onStarted(job.id) });
        if (!parsed.ok) return setProblem(parsed.message);
        setProblem(null);
        start.mutate(
          { action: parsed.action, query, expected: count },
          { onSuccess: (job) => onStarted(job.id) },
        );
      }}
    >
      <label htmlFor={`${id}-kind`}>Action</label>
      <select
        id={`${id}-kind`}
        value={kind}
        onChange={(e) => {
          const next = e.target.value as Kind;
          setKind(next);
          if (next !== 'delete') setDraft({ ...draft, kind: next });
        }}
      >
        {BULK_KINDS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {isAdmin ? <option value="delete">Delete requests</option> : null}
      </select>
      {deleting ? (
        <p className="settings-error bulk-warning">
          Deletes {what} with their tags, metadata and scores. This cannot be undone.
        </p>
      ) : (
        <>
          <label htmlFor={`${id}-name`}>{nameLabel(draft.kind)}</label>
          <input
            id={`${id}-name`}
            className="input"
            value={draft.name}
            aria-invalid={problem !== null}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          {needsValue(draft.kind) ? (
            <>
              <label htmlFor={`${id}-value`}>{draft.kind === 'set-score' ? 'Score (0–100)' : 'Value'}</label>
              <input
                id={`${id}-value`}
                className="input"
                value={draft.value}
                inputMode={draft.kind === 'set-score' ? 'numeric' : undefined}
                onChange={(e) => setDraft({ ...draft, value: e.target.value })}
              />
            </>
          ) : null}
        </>
      )}
      {problem ? (
        <p role="alert" className="settings-error">
          {problem}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="settings-error">
          {error.message}
        </p>
      ) : null}
      <Button
        type="submit"
        variant={deleting ? 'danger' : 'primary'}
        disabled={start.isPending || startDelete.isPending}
      >
        {deleting
          ? `Delete ${what}`
          : parsed.ok
            ? `${capitalise(describeAction(parsed.action))} on ${formatCount(count)} requests`
            : `Apply to ${formatCount(count)} requests`}
      </Button>
    </form>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function BulkProgress({ id }: { id: string }) {
  const client = useQueryClient();
  const job = useQuery(bulkJobQueries.job(id));
  const cancel = useCancelBulkJob();
  const state = job.data?.state;
  useEffect(() => {
    // Finished: the table, counts and facets show the change.
    if (state && state !== 'running') void client.invalidateQueries({ queryKey: requestQueries.all() });
  }, [state, client]);
  if (job.isError) return <p role="alert">{job.error.message}</p>;
  if (!job.data) return <p className="muted">Starting…</p>;
  const { done, total } = job.data;
  const what = capitalise(describeAction(job.data.action));
  return (
    <div className="bulk-progress">
      <p>
        {what}: <strong>{formatCount(done)}</strong> of {formatCount(total)} requests
      </p>
      <progress
        max={Math.max(total, 1)}
        value={done}
        aria-label="Bulk change progress"
        aria-valuetext={`${done} of ${total}`}
      />
      {state === 'running' ? (
        <Button variant="danger" onClick={() => cancel.mutate(id)} disabled={cancel.isPending}>
          Cancel
        </Button>
      ) : (
        <p role="status">
          {state === 'done'
            ? `Done: ${formatCount(done)} requests ${job.data.action.kind === 'delete' ? 'deleted' : 'changed'}.`
            : state === 'cancelled'
              ? `Cancelled: ${formatCount(done)} requests were changed before it stopped.`
              : `Failed after ${formatCount(done)} requests: ${job.data.error ?? 'unknown error'}`}
        </p>
      )}
    </div>
  );
}
