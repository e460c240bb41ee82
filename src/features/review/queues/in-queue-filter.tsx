/** The Review filter's "in queue Q (pending/done)" part: a queue and a state, written as `in_queue=`. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { RequestFilter } from '../../../../contract/api.ts';
import { withInQueue } from '../review-chips.ts';
import { queueQueries } from './queue-queries.ts';

type State = NonNullable<RequestFilter['inQueue']>['state'];
const STATES: [State, string][] = [
  ['any', 'any state'],
  ['pending', 'pending'],
  ['done', 'done'],
];

export function InQueueFilter({
  onAdd,
}: {
  onAdd: (event: FormEvent, update: (prev: RequestFilter) => RequestFilter) => void;
}) {
  const queues = useQuery({ ...queueQueries.list(), meta: { silent: true } }).data?.queues ?? [];
  const [queueId, setQueueId] = useState('');
  const [state, setState] = useState<State>('pending');
  const ids = { queue: useId(), state: useId() };
  if (queues.length === 0) return null;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) =>
        queueId
          ? onAdd(e, (prev) => withInQueue(prev, { queueId: Number(queueId), state }))
          : e.preventDefault()
      }
    >
      <label htmlFor={ids.queue}>In review queue</label>
      <select
        id={ids.queue}
        className="input input-sm"
        value={queueId}
        onChange={(e) => setQueueId(e.target.value)}
      >
        <option value="">Choose a queue…</option>
        {queues.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.state}>Items</label>
      <select
        id={ids.state}
        className="input input-sm"
        value={state}
        onChange={(e) => setState(e.target.value as State)}
      >
        {STATES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-sm btn-default" disabled={!queueId}>
        Add “in queue”
      </button>
    </form>
  );
}
