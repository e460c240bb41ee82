/**
 * The checkbox column DataTable puts first when it is given a selection: the header box selects
 * the loaded rows (indeterminate when some are), a row's box toggles it, shift-click a range.
 * Checkboxes are not tab stops: the keyboard uses `x` on the focused row (the rows are the roving
 * tab stops).
 */
import type { CellContext, ColumnDef, HeaderContext, RowData } from '@tanstack/react-table';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { DataTableFeatures } from './data-table-types.ts';
import type { RowSelection } from './row-selection.ts';
import { useIsSelected, useSelectionVersion } from './use-row-selection.ts';

export const SelectionContext = createContext<RowSelection | null>(null);

const ignore = () => undefined;

function RowCheckbox<TData extends RowData>({ row, table }: CellContext<DataTableFeatures, TData, unknown>) {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('RowCheckbox needs a SelectionContext');
  const checked = useIsSelected(selection, row.id);
  return (
    <label className="row-select">
      <input
        type="checkbox"
        tabIndex={-1}
        checked={checked}
        aria-label={`Select row ${row.id}`}
        onChange={ignore}
        onClick={(event) => {
          if (event.shiftKey)
            selection.toggleRange(
              table.getRowModel().rows.map((r) => r.id),
              row.id,
            );
          else selection.toggle(row.id);
        }}
      />
    </label>
  );
}

function HeaderCheckbox<TData extends RowData>({ table }: HeaderContext<DataTableFeatures, TData, unknown>) {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('HeaderCheckbox needs a SelectionContext');
  useSelectionVersion(selection);
  const ids = table.getRowModel().rows.map((row) => row.id);
  const count = selection.countOf(ids);
  const all = ids.length > 0 && count === ids.length;
  const some = count > 0 && !all;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <label className="row-select">
      <input
        ref={box}
        type="checkbox"
        checked={all}
        disabled={ids.length === 0}
        aria-label={all ? 'Unselect the loaded rows' : 'Select the loaded rows'}
        aria-checked={some ? 'mixed' : all}
        onChange={() => selection.toggleAll(ids)}
      />
    </label>
  );
}

export const SELECTION_COLUMN_ID = 'select';

export function selectionColumn<TData extends RowData>(): ColumnDef<DataTableFeatures, TData> {
  return {
    id: SELECTION_COLUMN_ID,
    header: HeaderCheckbox,
    cell: RowCheckbox,
    enableSorting: false,
    enableHiding: false,
    meta: { width: '32px', label: 'Select' },
  } as ColumnDef<DataTableFeatures, TData>;
}
