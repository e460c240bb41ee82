import { Button } from '../../../components/ui/button.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-client.ts';

import { requestColumns } from '../table/columns.tsx';

const SKELETON_WIDTHS = requestColumns.map((column) => column.meta?.width ?? '1fr');

/** Rows sized like real ones while the first page loads. */
export function TableSkeleton() {
  return (
    <div className="data-table-scroll" aria-busy="true">
      <table
        aria-label="Requests (loading)"
        className="data-table skeleton-table"
        style={{ '--table-cols': SKELETON_WIDTHS.join(' ') } as React.CSSProperties}
      >
        <thead className="data-table-head">
          <tr className="data-table-row data-table-header-row">
            {SKELETON_WIDTHS.map((_width, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells
              <th key={i} className="data-table-th">
                <Skeleton width="60%" height={10} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 14 }, (_, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
            <tr key={row} className="data-table-row skeleton-row">
              {SKELETON_WIDTHS.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells
                <td key={i} className="data-table-td">
                  <Skeleton width={`${50 + ((row * 7 + i * 13) % 45)}%`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const message = error instanceof Error ? error.message : 'Unknown error';
  const status = error instanceof ApiError && error.status > 0 ? ` (HTTP ${error.status})` : '';
  return (
    <div className="empty-state" role="alert">
      <h2>Could not load requests{status}</h2>
      <p className="muted">{message}</p>
      <Button variant="primary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </Button>
    </div>
  );
}

export function NoResults({ onClear }: { onClear: () => void }) {
  return (
    <div className="empty-state">
      <h2>No requests match these filters</h2>
      <p className="muted">Try a wider time range or remove a filter.</p>
      <Button variant="primary" onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}
