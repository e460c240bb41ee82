/** Delete the selected requests (admins): a confirmation that names the count, then one all-or-none delete. */
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useDeleteSelection } from '../../requests/api/delete-selection.ts';

export function DeleteSelectionButton({
  ids,
  onDeleted,
  onFailed,
}: {
  ids: number[];
  onDeleted: (deleted: number) => void;
  onFailed: (error: unknown) => void;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteSelection();
  const what = `${formatCount(ids.length)} ${ids.length === 1 ? 'request' : 'requests'}`;
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)}>
        Delete…
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${what}?`}
        description="They are removed with their tags, metadata and scores. This cannot be undone."
      >
        <div className="dialog-actions">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(ids, {
                onSuccess: ({ deleted }) => {
                  setOpen(false);
                  onDeleted(deleted);
                },
                onError: (error) => {
                  setOpen(false);
                  onFailed(error);
                },
              })
            }
          >
            Delete {what}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
