/**
 * A generic, virtualized, keyboard-navigable table. It knows nothing about requests: it gets
 * columns, rows, server-side sort state and callbacks. Sorting is manual (the server sorts);
 * rows are rendered by VirtualRows, the lowest component, so scrolling re-renders only it.
 */
import {
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type DataTableFeatures, dataTableFeatures } from './data-table-types.ts';
import { HeaderCell } from './header-cell.tsx';
import type { RowSelection } from './row-selection.ts';
import { SelectionContext, selectionColumn } from './selection-column.tsx';
import { useTableKeyboard } from './use-table-keyboard.ts';
import { VirtualRows } from './virtual-rows.tsx';

export interface DataTableProps<TData extends RowData> {
  ariaLabel: string;
  columns: ColumnDef<DataTableFeatures, TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  /** Total rows on the server, when known (aria-rowcount). */
  totalRows?: number | undefined;
  rowHeight?: number;
  /** Row click or Enter on a focused row. */
  onRowOpen?: (row: TData) => void;
  /** Hover or focus: a good moment to prefetch. */
  onRowIntent?: (row: TData) => void;
  /** Extra single-key shortcuts on the focused row; return true when handled. */
  onRowKey?: (row: TData, key: string) => boolean;
  /**
   * The row shown as selected (e.g. the open request). The table scrolls it into view when it
   * changes, and gives it keyboard focus when it is released (set back to null).
   */
  activeRowId?: string | null;
  /** j/k and arrows pressed outside any widget (on the page body) start row navigation. */
  keysFromPage?: boolean;
  hasMore?: boolean;
  isFetchingMore?: boolean;
  onEndReached?: () => void;
  /** Rendered under the rows (e.g. "Loading more…"). */
  footer?: ReactNode;
  /** Lets the parent scroll to the top or read the scroll position. */
  scrollRef?: React.RefObject<HTMLDivElement | null>;
  onScroll?: (scrollTop: number) => void;
  /**
   * Row selection (a checkbox column first, `x`, shift-click ranges, Escape clears). The owner
   * keeps it (useRowSelection) and decides when it starts over, e.g. on a new filter.
   */
  selection?: RowSelection;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { data, getRowId, sorting, onSortingChange, columnVisibility, onColumnVisibilityChange, selection } =
    props;
  const selectable = selection !== undefined;
  const columns = useMemo(
    () => (selectable ? [selectionColumn<TData>(), ...props.columns] : props.columns),
    [selectable, props.columns],
  );
  const state = useMemo(() => ({ sorting, columnVisibility }), [sorting, columnVisibility]);
  const table = useTable<DataTableFeatures, TData>({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state,
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      onColumnVisibilityChange(typeof updater === 'function' ? updater(columnVisibility) : updater),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: true,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const tracks = visibleColumns.map((column) => column.columnDef.meta?.width ?? '1fr');
  const gridTemplate = tracks.join(' ');
  // Narrower than the columns' minimums, the container scrolls sideways instead of squeezing cells.
  const minWidth = tracks.reduce((sum, track) => sum + (Number(/(\d+)px/.exec(track)?.[1]) || 40), 0);
  const rows = table.getRowModel().rows;

  const ownScrollRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.scrollRef ?? ownScrollRef;
  // The virtualizer (in a child) needs the container element; a state set from the ref callback
  // re-renders synchronously in the same commit, so the first paint already has rows.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attachScroll = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      setScrollElement(element);
    },
    [scrollRef],
  );
  // `index` is the roving tabindex row; `take` counts requests to move DOM focus to it.
  const [focus, setFocus] = useState({ index: -1, take: 0 });
  // A new result set (another filter or sort) starts keyboard focus from the top again.
  const firstRowId = rows[0]?.id;
  const [focusOwner, setFocusOwner] = useState(firstRowId);
  if (focusOwner !== firstRowId) {
    setFocusOwner(firstRowId);
    setFocus((current) => ({ index: -1, take: current.take }));
  }
  const clampedFocus = Math.min(focus.index, rows.length - 1);
  const focusRow = useCallback(
    (index: number) => setFocus((current) => ({ index, take: current.take + 1 })),
    [],
  );
  const onRowFocused = useCallback(
    (index: number) =>
      setFocus((current) => (current.index === index ? current : { index, take: current.take })),
    [],
  );

  // Released active row (e.g. its drawer closed): keyboard focus goes back to it.
  const activeRowId = props.activeRowId ?? null;
  const [lastActive, setLastActive] = useState(activeRowId);
  if (lastActive !== activeRowId) {
    setLastActive(activeRowId);
    const released = activeRowId === null ? rows.findIndex((row) => row.id === lastActive) : -1;
    if (released !== -1) focusRow(released);
  }

  const rowAt = useCallback((index: number) => rows[index]?.original, [rows]);
  const onToggleRow = useCallback(
    (index: number, range: boolean) => {
      const id = rows[index]?.id;
      if (!selection || id === undefined) return;
      if (range)
        selection.toggleRange(
          rows.map((row) => row.id),
          id,
        );
      else selection.toggle(id);
    },
    [rows, selection],
  );
  const onClearSelection = useCallback(() => {
    if (!selection || selection.size === 0) return false;
    selection.clear();
    return true;
  }, [selection]);
  const onKeyDown = useTableKeyboard({
    rowCount: rows.length,
    focusedIndex: clampedFocus,
    rowAt,
    focusRow,
    onRowOpen: props.onRowOpen,
    onRowKey: props.onRowKey,
    onToggleRow: selectable ? onToggleRow : undefined,
    onClearSelection: selectable ? onClearSelection : undefined,
    keysFromPage: props.keysFromPage ?? false,
  });

  return (
    <SelectionContext value={selection ?? null}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keydown bubbles up from the focused row (roving tabindex). */}
      <div
        ref={attachScroll}
        className="data-table-scroll"
        onKeyDown={onKeyDown}
        onScroll={props.onScroll ? (event) => props.onScroll?.(event.currentTarget.scrollTop) : undefined}
      >
        <table
          aria-label={props.ariaLabel}
          aria-rowcount={props.totalRows === undefined ? -1 : props.totalRows + 1}
          data-loaded-rows={rows.length}
          className="data-table"
          style={{ '--table-cols': gridTemplate, minWidth } as React.CSSProperties}
        >
          <thead className="data-table-head">
            {table.getHeaderGroups().map((group) => (
              <tr aria-rowindex={1} key={group.id} className="data-table-row data-table-header-row">
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} table={table} />
                ))}
              </tr>
            ))}
          </thead>
          <VirtualRows
            table={table}
            rows={rows}
            rowHeight={props.rowHeight ?? 36}
            scrollElement={scrollElement}
            focusedIndex={clampedFocus}
            focusTake={focus.take}
            onRowFocused={onRowFocused}
            onRowOpen={props.onRowOpen}
            onRowIntent={props.onRowIntent}
            activeRowId={activeRowId}
            hasMore={props.hasMore ?? false}
            isFetchingMore={props.isFetchingMore ?? false}
            onEndReached={props.onEndReached}
          />
        </table>
        {props.footer}
      </div>
    </SelectionContext>
  );
}
