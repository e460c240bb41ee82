import type { ColumnDef, ColumnVisibilityState, RowData } from '@tanstack/react-table';
import { Button } from '../ui/button.tsx';
import { DropdownMenu, MenuCheckboxItem } from '../ui/dropdown-menu.tsx';
import { ColumnsIcon } from '../ui/icons.tsx';
import type { DataTableFeatures } from './data-table-types.ts';

export function ColumnVisibilityMenu<TData extends RowData>({
  columns,
  visibility,
  onChange,
}: {
  columns: ColumnDef<DataTableFeatures, TData>[];
  visibility: ColumnVisibilityState;
  onChange: (next: ColumnVisibilityState) => void;
}) {
  const hideable = columns.filter((column) => column.id && column.enableHiding !== false);
  return (
    <DropdownMenu
      label="Show columns"
      trigger={
        <Button size="sm">
          <ColumnsIcon /> Columns
        </Button>
      }
    >
      {hideable.map((column) => {
        const id = column.id ?? '';
        return (
          <MenuCheckboxItem
            key={id}
            checked={visibility[id] !== false}
            onCheckedChange={(checked) => onChange({ ...visibility, [id]: checked === true })}
          >
            {column.meta?.label ?? id}
          </MenuCheckboxItem>
        );
      })}
    </DropdownMenu>
  );
}
