/**
 * The lowest component of the table: owns the virtualizer, so only it re-renders on scroll.
 * Fixed row height (dense rows, one line each) keeps layout cheap: no measuring.
 */
import type { ReactTable, Row, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { DataTableFeatures } from './data-table-types.ts';

interface VirtualRowsProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData, unknown>;
  rows: Row<DataTableFeatures, TData>[];
  rowHeight: number;
  scrollElement: HTMLDivElement | null;
  /** The roving tabindex row. */
  focusedIndex: number;
  /** Changes whenever DOM focus must move to the focused row. */
  focusTake: number;
  onRowFocused: (index: number) => void;
  onRowOpen: ((row: TData) => void) | undefined;
  onRowIntent: ((row: TData) => void) | undefined;
  activeRowId: string | null;
  hasMore: boolean;
  isFetchingMore: boolean;
  onEndReached: (() => void) | undefined;
}

const HEADER_HEIGHT = 34;

export function VirtualRows<TData extends RowData>(props: VirtualRowsProps<TData>) {
  const {
    table,
    rows,
    rowHeight,
    scrollElement,
    focusedIndex,
    focusTake,
    hasMore,
    isFetchingMore,
    onEndReached,
  } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !isFetchingMore && lastIndex >= rows.length - 10) onEndReached?.();
  }, [hasMore, isFetchingMore, lastIndex, rows.length, onEndReached]);

  // Keyboard focus moves to the focused row on request: scroll it into view, then focus it once rendered.
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const rowElement = useCallback(
    (index: number) => bodyRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`),
    [],
  );
  const focusIndex = useRef(focusedIndex);
  focusIndex.current = focusedIndex;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each focus request (focusTake), for the row focused then.
  useEffect(() => {
    const index = focusIndex.current;
    if (focusTake === 0 || index < 0) return;
    const element = rowElement(index);
    if (
      element &&
      document.activeElement?.closest('[data-row-index]') &&
      isFullyVisible(element, scrollElement)
    ) {
      element.focus({ preventScroll: true });
      return;
    }
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const frame = requestAnimationFrame(() => rowElement(index)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [focusTake]);

  // The active row follows its owner (e.g. j/k in a drawer): scrolled into view, vertically only.
  const activeIndex = useRef(-1);
  activeIndex.current =
    props.activeRowId === null ? -1 : rows.findIndex((row) => row.id === props.activeRowId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the active row changes, not when rows load.
  useEffect(() => {
    const index = activeIndex.current;
    if (index < 0) return;
    const element = rowElement(index);
    if (element && isFullyVisible(element, scrollElement)) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [props.activeRowId]);

  return (
    <tbody ref={bodyRef} className="data-table-body" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const isActive = row.id === props.activeRowId;
        return (
          <tr
            // biome-ignore lint/a11y/noRedundantRoles: WebKit drops the implicit row role of a <tr> displayed as a grid.
            role="row"
            key={row.id}
            data-row-index={item.index}
            data-row-id={row.id}
            aria-rowindex={item.index + 2}
            aria-current={isActive || undefined}
            tabIndex={item.index === Math.max(focusedIndex, 0) ? 0 : -1}
            className={`data-table-row data-table-body-row${isActive ? ' active' : ''}`}
            style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('button, a, input, label')) return;
              props.onRowFocused(item.index);
              props.onRowOpen?.(row.original);
            }}
            onFocus={(event) => {
              if (event.target === event.currentTarget) props.onRowFocused(item.index);
              props.onRowIntent?.(row.original);
            }}
            onMouseEnter={() => props.onRowIntent?.(row.original)}
          >
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const className = `data-table-td${meta?.align === 'end' ? ' align-end' : ''}${meta?.mono ? ' mono' : ''}`;
              return (
                <td key={cell.id} className={className}>
                  <table.FlexRender cell={cell} />
                </td>
              );
            })}
          </tr>
        );
      })}
    </tbody>
  );
}

function isFullyVisible(element: HTMLElement, container: HTMLElement | null): boolean {
  if (!container) return false;
  const box = element.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  return box.top >= view.top + HEADER_HEIGHT && box.bottom <= view.bottom;
}
