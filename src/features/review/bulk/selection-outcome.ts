/** What the selection bar says after an action: what changed, or why nothing did. */
import type { BulkAction } from '../../../../contract/bulk.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCount } from '../../../lib/format.ts';
import { describeAction } from './bulk-action-draft.ts';

const requests = (n: number) => `${formatCount(n)} ${n === 1 ? 'request' : 'requests'}`;

export function changedMessage(action: BulkAction, changed: number): string {
  const what = describeAction(action);
  return `Done: ${what} on ${requests(changed)}.`;
}

export function addedToQueueMessage(queue: string, added: number, total: number): string {
  return `Added ${requests(added)} to queue “${queue}” (now ${formatCount(total)} items${added === 0 ? ': all were already in it' : ''}).`;
}

export const deletedMessage = (deleted: number) => `Deleted ${requests(deleted)}.`;

export function failureMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'stale_selection')
    return 'Nothing was changed: some selected requests no longer exist (deleted meanwhile). Clear the selection and select again.';
  if (error instanceof ApiError && error.status === 403)
    return 'Nothing was changed: your role may not do this.';
  return `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`;
}
