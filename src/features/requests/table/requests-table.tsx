/**
 * The requests table: the list query (infinite, keyset cursor) feeding the generic DataTable,
 * with sorting in the URL, copy-ID on `c`, detail prefetch on hover/focus.
 */
import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import type { ColumnVisibilityState, SortingState } from '@tanstack/react-table';
import { type RefObject, useCallback, useMemo } from 'react';
import type { ListResponse, RequestRow, SortField } from '../../../../contract/api.ts';
import { SORT_FIELDS } from '../../../../contract/api.ts';
import { DataTable } from '../../../components/data-table/data-table.tsx';
import type { RowSelection } from '../../../components/data-table/row-selection.ts';
import { requestQueries } from '../api/request-queries.ts';
import type { RequestsView } from '../url-state.ts';
import { requestColumns } from './columns.tsx';
import { copyRequestId } from './copy-id-button.tsx';

const getRowId = (row: RequestRow) => String(row.id);
const EMPTY: RequestRow[] = [];

export function flattenPages(data: InfiniteData<ListResponse, unknown> | undefined): RequestRow[] {
  if (!data) return EMPTY;
  return data.pages.length === 1 ? (data.pages[0]?.rows ?? EMPTY) : data.pages.flatMap((page) => page.rows);
}

export interface RequestsTableProps {
  view: RequestsView;
  rows: RequestRow[];
  total: number | undefined;
  hasMore: boolean;
  isFetchingMore: boolean;
  fetchMore: () => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll: (scrollTop: number) => void;
  /** Row selection for bulk actions (annotators and admins); absent for viewers. */
  selection?: RowSelection | undefined;
}

export function RequestsTable(props: RequestsTableProps) {
  const { view } = props;
  const queryClient = useQueryClient();
  const sorting = useMemo<SortingState>(
    () => [{ id: view.query.sort, desc: view.query.order === 'desc' }],
    [view.query.sort, view.query.order],
  );
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const first = next[0];
      if (!first || !(SORT_FIELDS as readonly string[]).includes(first.id)) return;
      view.setSort(first.id as SortField, first.desc ? 'desc' : 'asc');
      props.scrollRef.current?.scrollTo({ top: 0 });
    },
    [view.setSort, props.scrollRef],
  );
  const onRowOpen = useCallback((row: RequestRow) => view.openRequest(row.id), [view.openRequest]);
  const onRowIntent = useCallback(
    (row: RequestRow) => {
      void queryClient.prefetchQuery(requestQueries.detail(row.id));
    },
    [queryClient],
  );
  const onRowKey = useCallback((row: RequestRow, key: string) => {
    if (key !== 'c') return false;
    void copyRequestId(row.id);
    return true;
  }, []);

  return (
    <DataTable
      ariaLabel="Requests"
      columns={requestColumns}
      data={props.rows}
      getRowId={getRowId}
      sorting={sorting}
      onSortingChange={onSortingChange}
      columnVisibility={props.columnVisibility}
      onColumnVisibilityChange={props.onColumnVisibilityChange}
      totalRows={props.total}
      onRowOpen={onRowOpen}
      onRowIntent={onRowIntent}
      onRowKey={onRowKey}
      activeRowId={view.openRequestId === null ? null : String(view.openRequestId)}
      keysFromPage={view.openRequestId === null}
      hasMore={props.hasMore}
      isFetchingMore={props.isFetchingMore}
      onEndReached={props.fetchMore}
      scrollRef={props.scrollRef}
      onScroll={props.onScroll}
      {...(props.selection ? { selection: props.selection } : {})}
      footer={
        props.isFetchingMore ? (
          <div className="table-footer muted" role="status">
            Loading more…
          </div>
        ) : !props.hasMore && props.rows.length > 0 ? (
          <div className="table-footer muted">End of results</div>
        ) : null
      }
    />
  );
}
