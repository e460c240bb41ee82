/**
 * The lowest component of the table: owns the virtualizer, so only it re-renders on scroll.
 * Fixed row height (dense rows, one line each) keeps layout cheap: no measuring.
 */
import type { ReactTable, Row, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DataTableFeatures } from './data-table-types.ts';

interface VirtualRowsProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData, unknown>;
  rows: Row<DataTableFeatures, TData>[];
  rowHeight: number;
  scrollElement: HTMLDivElement | null;
  focusedIndex: number;
  onFocusIndex: (index: number) => void;
  onRowOpen: ((row: TData) => void) | undefined;
  onRowIntent: ((row: TData) => void) | undefined;
  activeRowId: string | null;
  hasMore: boolean;
  isFetchingMore: boolean;
  onEndReached: (() => void) | undefined;
}

const HEADER_HEIGHT = 34;

export function VirtualRows<TData extends RowData>(props: VirtualRowsProps<TData>) {
  const { table, rows, rowHeight, scrollElement, focusedIndex, hasMore, isFetchingMore, onEndReached } =
    props;
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

  // Keyboard focus follows focusedIndex: scroll the row into view, then focus it once rendered.
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const lastFocused = useRef(-1);
  useEffect(() => {
    if (focusedIndex < 0) {
      lastFocused.current = -1;
      return;
    }
    if (focusedIndex === lastFocused.current) return;
    lastFocused.current = focusedIndex;
    const element = bodyRef.current?.querySelector<HTMLElement>(`[data-row-index="${focusedIndex}"]`);
    if (
      element &&
      document.activeElement?.closest('[data-row-index]') &&
      isFullyVisible(element, scrollElement)
    ) {
      element.focus({ preventScroll: true });
      return;
    }
    virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
    requestAnimationFrame(() => {
      bodyRef.current
        ?.querySelector<HTMLElement>(`[data-row-index="${focusedIndex}"]`)
        ?.focus({ preventScroll: true });
    });
  }, [focusedIndex, virtualizer, scrollElement]);

  return (
    <tbody ref={bodyRef} className="data-table-body" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const isActive = row.id === props.activeRowId;
        return (
          <tr
            // biome-ignore lint/a11y/noRedundantRoles: explicit so `[role="row"][data-row-id]` selectors (drawer focus return) match.
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
              if ((event.target as HTMLElement).closest('button, a, input')) return;
              props.onFocusIndex(item.index);
              props.onRowOpen?.(row.original);
            }}
            onFocus={(event) => {
              if (event.target === event.currentTarget) {
                lastFocused.current = item.index;
                props.onFocusIndex(item.index);
              }
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
