/**
 * "Change all N matching": one action on every request of the current filter, run by the server
 * in batches; the dialog shows its progress and can cancel it. Annotators and admins only. The
 * dialog's content is a lazy chunk (bulk-dialog-body.tsx), loaded when it opens.
 */
import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { formatCount } from '../../../lib/format.ts';
import type { ListView } from '../../requests/api/request-queries.ts';
import '../review.css';

const BulkDialogBody = lazy(() => import('./bulk-dialog-body.tsx'));

export function BulkDialog({
  view,
  total,
  open,
  onOpenChange: setOpen,
}: {
  view: ListView;
  total: number | undefined;
  /** Owned by the page: the selection bar's "Select all N matching" opens it too. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  // A started job keeps the count it started with (the live count drops as a delete proceeds).
  const [job, setJob] = useState<{ id: string; total: number } | null>(null);
  const count = job?.total ?? total ?? 0;
  return (
    <>
      <Button size="sm" disabled={count === 0} onClick={() => setOpen(true)}>
        Change all…
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setJob(null);
        }}
        title={`Change all ${formatCount(count)} matching ${count === 1 ? 'request' : 'requests'}`}
      >
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <BulkDialogBody
            view={view}
            count={count}
            jobId={job?.id ?? null}
            onStarted={(id) => setJob({ id, total: count })}
          />
        </Suspense>
      </Dialog>
    </>
  );
}
