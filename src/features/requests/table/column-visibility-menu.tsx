import type { ColumnDef, ColumnVisibilityState, RowData } from '@tanstack/react-table';
import { DropdownMenu } from 'radix-ui';
import { Button } from '../../../components/ui/button.tsx';
import { ColumnsIcon } from '../../../components/ui/icons.tsx';
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
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button size="sm">
          <ColumnsIcon /> Columns
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Label className="menu-label">Show columns</DropdownMenu.Label>
          {hideable.map((column) => {
            const id = column.id ?? '';
            return (
              <DropdownMenu.CheckboxItem
                key={id}
                className="menu-item"
                checked={visibility[id] !== false}
                onSelect={(event) => event.preventDefault()}
                onCheckedChange={(checked) => onChange({ ...visibility, [id]: checked === true })}
              >
                <DropdownMenu.ItemIndicator className="menu-indicator">✓</DropdownMenu.ItemIndicator>
                {column.meta?.label ?? id}
              </DropdownMenu.CheckboxItem>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
