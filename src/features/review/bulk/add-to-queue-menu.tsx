/** "Add to queue" for a selection: the review queues as a menu; the bar reports how many joined. */
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button.tsx';
import { DropdownMenu, MenuItem } from '../../../components/ui/dropdown-menu.tsx';
import { useAddToQueue } from '../../requests/api/add-to-queue.ts';
import { queueQueries } from '../queues/queue-queries.ts';

export function AddToQueueMenu({
  ids,
  onAdded,
  onFailed,
}: {
  ids: number[];
  onAdded: (queueName: string, added: number, total: number) => void;
  onFailed: (error: unknown) => void;
}) {
  const queues = useQuery(queueQueries.list());
  const add = useAddToQueue();
  const list = queues.data?.queues ?? [];
  return (
    <DropdownMenu
      label={list.length === 0 ? 'No review queues yet' : 'Review queues'}
      trigger={
        <Button size="sm" disabled={add.isPending}>
          Add to queue
        </Button>
      }
    >
      {list.map((queue) => (
        <MenuItem
          key={queue.id}
          onSelect={() =>
            add.mutate(
              { queueId: queue.id, ids },
              {
                onSuccess: ({ added, total }) => onAdded(queue.name, added, total),
                onError: onFailed,
              },
            )
          }
        >
          {queue.name}
        </MenuItem>
      ))}
    </DropdownMenu>
  );
}
