/**
 * The requests screen: toolbar, live banner, the table and its states. The list query is the
 * one cache entry the drawer also reads (requestQueries.list(view.query)).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type RefObject, useCallback, useRef, useState } from 'react';
import { isEmptyFilter, listToParams } from '../../../contract/filter-query.ts';
import { PROBE_NEW_COUNT_CAP } from '../../../contract/limits.ts';
import { ColumnVisibilityMenu } from '../../components/data-table/column-visibility-menu.tsx';
import { useColumnVisibility } from '../../components/data-table/use-column-visibility.ts';
import { useRowSelection } from '../../components/data-table/use-row-selection.ts';
import { formatCount } from '../../lib/format.ts';
import { useCan } from '../auth/session-context.tsx';
import { BulkDialog } from '../review/bulk/bulk-dialog.tsx';
import { SelectionBarSlot } from '../review/bulk/selection-bar-slot.tsx';
import { CreateQueueDialog } from '../review/queues/create-queue-dialog.tsx';
import { requestQueries } from './api/request-queries.ts';
import { ExportMenu } from './export-menu.tsx';
import { FilterToolbar } from './filters/filter-toolbar.tsx';
import { Onboarding } from './states/onboarding.tsx';
import { SampleDataNotice } from './states/sample-data-notice.tsx';
import { ErrorState, NoResults, TableSkeleton } from './states/table-states.tsx';
import { requestColumns } from './table/columns.tsx';
import { flattenPages, RequestsTable } from './table/requests-table.tsx';
import { TimelinePanel } from './timeline/timeline-panel.tsx';
import type { RequestsView } from './url-state.ts';
import { useLiveUpdates } from './use-live-updates.ts';

/** The probe counts up to PROBE_NEW_COUNT_CAP: "1,000+" beyond. */
const newCountLabel = (count: number): string =>
  count >= PROBE_NEW_COUNT_CAP ? `${formatCount(PROBE_NEW_COUNT_CAP)}+` : formatCount(count);

export function RequestsPage({
  view,
  searchRef,
}: {
  view: RequestsView;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const list = useInfiniteQuery(requestQueries.list(view.query));
  const count = useQuery({ ...requestQueries.count(view.query.filter), meta: { silent: true } });
  const rows = flattenPages(list.data);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility('promptlog.columns');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atTop, setAtTop] = useState(true);
  const onScroll = useCallback((top: number) => setAtTop(top < 8), []);
  const live = useLiveUpdates(view.query, rows, atTop, list.isSuccess && !list.isPlaceholderData);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const fetchMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const filtered = !isEmptyFilter(view.query.filter) || view.range !== null;
  const refreshing = list.isFetching && !list.isFetchingNextPage && !list.isPending;
  const total = count.data && !count.isPlaceholderData ? count.data.total : undefined;
  const canAnnotate = useCan('annotate');
  // A new filter starts a new selection: rows selected before may not match it.
  const selection = useRowSelection(listToParams({ filter: view.query.filter }).toString());
  const [bulkOpen, setBulkOpen] = useState(false);
  const isAdmin = useCan('admin');

  let body: React.ReactNode;
  if (list.isPending) body = <TableSkeleton />;
  else if (list.isError && rows.length === 0)
    body = <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (rows.length === 0 && !list.isPlaceholderData)
    body = filtered ? <NoResults onClear={view.clearFilters} /> : <Onboarding />;
  else
    body = (
      <RequestsTable
        view={view}
        rows={rows}
        total={total}
        hasMore={hasNextPage}
        isFetchingMore={isFetchingNextPage}
        fetchMore={fetchMore}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        scrollRef={scrollRef}
        onScroll={onScroll}
        selection={canAnnotate ? selection : undefined}
      />
    );

  return (
    <div className="requests-page">
      <FilterToolbar view={view} searchRef={searchRef} />
      <SampleDataNotice />
      {filtered || rows.length > 0 || list.isPending ? <TimelinePanel view={view} /> : null}
      {view.invalidRequest !== null ? (
        <div className="inline-error" role="alert">
          “{view.invalidRequest.slice(0, 80)}” is not a request ID: IDs are whole numbers, like 1234.{' '}
          <button type="button" className="btn btn-sm" onClick={() => view.openRequest(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="table-bar">
        <p className="result-count" aria-live="polite">
          {total !== undefined ? `${formatCount(total)} ${total === 1 ? 'request' : 'requests'}` : ' '}
        </p>
        {live.newCount > 0 ? (
          <button
            type="button"
            className="btn btn-sm btn-primary live-button"
            onClick={() => {
              scrollRef.current?.scrollTo({ top: 0 });
              void live.showNew();
            }}
          >
            {live.atTopOfOrder
              ? `${newCountLabel(live.newCount)} new ${live.newCount === 1 ? 'request' : 'requests'}`
              : 'List updated: refresh'}
          </button>
        ) : null}
        <div className="table-bar-actions">
          {canAnnotate ? (
            <BulkDialog view={view.query} total={total} open={bulkOpen} onOpenChange={setBulkOpen} />
          ) : null}
          {isAdmin ? <CreateQueueDialog view={view.query} total={total} /> : null}
          <ExportMenu view={view.query} disabled={rows.length === 0} />
          <ColumnVisibilityMenu
            columns={requestColumns}
            visibility={columnVisibility}
            onChange={setColumnVisibility}
          />
        </div>
      </div>
      {canAnnotate ? (
        <SelectionBarSlot
          selection={selection}
          view={view.query}
          total={total}
          onSelectAllMatching={() => {
            selection.clear();
            setBulkOpen(true);
          }}
        />
      ) : null}
      <div className="table-region">
        {refreshing ? (
          <div className="progress-bar" role="progressbar" aria-label="Refreshing requests" />
        ) : null}
        {list.isError && rows.length > 0 ? (
          <div className="inline-error" role="alert">
            Could not load more: {list.error.message}{' '}
            <button type="button" className="btn btn-sm" onClick={() => void list.refetch()}>
              Retry
            </button>
          </div>
        ) : null}
        {body}
      </div>
    </div>
  );
}
