/**
 * The bar over the table while rows are selected: how many, one action on them (tag, metadata,
 * score), add to a review queue, export, delete (admins), "select all N matching" (the whole-filter job) and clear.
 * It reports what changed or why nothing did; a selection over BULK_SELECTION_MAX is pointed to
 * the whole-filter job instead.
 */
import { useState } from 'react';
import { BULK_SELECTION_MAX } from '../../../../contract/bulk.ts';
import { Button } from '../../../components/ui/button.tsx';
import { toast } from '../../../components/ui/toast.tsx';
import { formatCount } from '../../../lib/format.ts';
import { isTypingTarget } from '../../../lib/keyboard.ts';
import { useCan } from '../../auth/session-context.tsx';
import { useBulkSelection } from '../../requests/api/bulk-selection.ts';
import { ExportMenu } from '../../requests/export-menu.tsx';
import '../review.css';
import { AddToQueueMenu } from './add-to-queue-menu.tsx';
import { DeleteSelectionButton } from './delete-selection-dialog.tsx';
import { SelectionActionForm } from './selection-action-form.tsx';
import type { SelectionBarProps } from './selection-bar-slot.tsx';
import { addedToQueueMessage, changedMessage, deletedMessage, failureMessage } from './selection-outcome.ts';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export default function SelectionBar({ selection, view, total, onSelectAllMatching }: SelectionBarProps) {
  const count = selection.size;
  const ids = selection.ids().map(Number);
  const tooMany = count > BULK_SELECTION_MAX;
  const isAdmin = useCan('admin');
  const apply = useBulkSelection();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <section
      className="selection-bar"
      aria-label="Selected requests"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !isTypingTarget(event.target)) selection.clear();
      }}
    >
      <p className="selection-count">
        <strong>{formatCount(count)}</strong> selected
      </p>
      {tooMany ? (
        <p className="muted">
          At most {formatCount(BULK_SELECTION_MAX)} at a time: use “Select all matching” for more.
        </p>
      ) : (
        <>
          <SelectionActionForm
            pending={apply.isPending}
            onApply={(action) => {
              setOutcome(null);
              apply.mutate(
                { action, ids },
                {
                  onSuccess: ({ changed }) =>
                    setOutcome({ tone: 'ok', text: changedMessage(action, changed) }),
                  onError: (error) => setOutcome({ tone: 'error', text: failureMessage(error) }),
                },
              );
            }}
          />
          <AddToQueueMenu
            ids={ids}
            onAdded={(queue, added, total) =>
              setOutcome({ tone: 'ok', text: addedToQueueMessage(queue, added, total) })
            }
            onFailed={(error) => setOutcome({ tone: 'error', text: failureMessage(error) })}
          />
          <ExportMenu view={view} disabled={false} ids={ids} />
          {isAdmin ? (
            <DeleteSelectionButton
              ids={ids}
              onDeleted={(deleted) => {
                toast(deletedMessage(deleted));
                selection.clear();
              }}
              onFailed={(error) => setOutcome({ tone: 'error', text: failureMessage(error) })}
            />
          ) : null}
        </>
      )}
      <div className="selection-bar-end">
        {total !== undefined && total > count ? (
          <Button size="sm" variant="ghost" onClick={onSelectAllMatching}>
            Select all {formatCount(total)} matching
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => selection.clear()}>
          Clear
        </Button>
      </div>
      {outcome ? (
        <p
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          className={`selection-outcome ${outcome.tone}`}
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
