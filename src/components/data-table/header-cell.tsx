import type { Header, ReactTable, RowData } from '@tanstack/react-table';
import { ArrowDownIcon, ArrowUpIcon } from '../ui/icons.tsx';
import type { DataTableFeatures } from './data-table-types.ts';

export function HeaderCell<TData extends RowData>({
  header,
  table,
}: {
  header: Header<DataTableFeatures, TData, unknown>;
  table: ReactTable<DataTableFeatures, TData, unknown>;
}) {
  const column = header.column;
  const meta = column.columnDef.meta;
  const align = meta?.align === 'end' ? ' align-end' : '';
  if (!column.getCanSort()) {
    return (
      <th className={`data-table-th${align}`}>
        {header.isPlaceholder ? null : <table.FlexRender header={header} />}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th aria-sort={ariaSort} className={`data-table-th sortable${align}`}>
      <button
        type="button"
        className="sort-button"
        onClick={column.getToggleSortingHandler()}
        title={`Sort by ${meta?.label ?? column.id}`}
      >
        <table.FlexRender header={header} />
        <span className={`sort-indicator${sorted ? ' active' : ''}`} aria-hidden="true">
          {sorted === 'asc' ? (
            <ArrowUpIcon width={12} height={12} />
          ) : (
            <ArrowDownIcon width={12} height={12} />
          )}
        </span>
      </button>
    </th>
  );
}
