// @vitest-environment jsdom
import {
  type ColumnDef,
  type ColumnVisibilityState,
  createColumnHelper,
  type SortingState,
} from '@tanstack/react-table';
import { act, cleanup, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';
import type { DataTableFeatures } from './data-table-types.ts';
import type { RowSelection } from './row-selection.ts';
import { stubLayout } from './testing/stub-layout.ts';
import { useRowSelection } from './use-row-selection.ts';

interface Fruit {
  id: number;
  name: string;
}

let cellRenders = 0;
const helper = createColumnHelper<DataTableFeatures, Fruit>();
const columns = [
  helper.accessor('name', {
    id: 'name',
    header: 'Name',
    enableSorting: false,
    cell: (info) => {
      cellRenders += 1;
      return info.getValue();
    },
    meta: { width: '1fr', label: 'Name' },
  }),
] as ColumnDef<DataTableFeatures, Fruit>[];

const fruits = (n: number): Fruit[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `fruit ${i + 1}` }));

beforeAll(stubLayout);
afterEach(cleanup);

let current: RowSelection | null = null;
function Harness({ data, scope = 'a' }: { data: Fruit[]; scope?: string }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>({});
  const selection = useRowSelection(scope);
  current = selection;
  return (
    <DataTable
      ariaLabel="Fruits"
      columns={columns}
      data={data}
      getRowId={(row) => String(row.id)}
      sorting={sorting}
      onSortingChange={setSorting}
      columnVisibility={visibility}
      onColumnVisibilityChange={setVisibility}
      selection={selection}
    />
  );
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const box = (id: number) => screen.getByRole('checkbox', { name: `Select row ${id}` });
const headerBox = () => screen.getByRole('checkbox', { name: /the loaded rows/ });
const selectedIds = () => (current?.ids() ?? []).map(Number).sort((a, b) => a - b);

describe('DataTable row selection', () => {
  it('toggles a row by its checkbox without opening it or re-rendering the other rows', async () => {
    render(<Harness data={fruits(20)} />);
    await settle();
    const before = cellRenders;
    fireEvent.click(box(3));
    expect(box(3)).toBeChecked();
    expect(selectedIds()).toEqual([3]);
    // Only the checkbox re-rendered: no data cell ran again.
    expect(cellRenders).toBe(before);
    fireEvent.click(box(3));
    expect(box(3)).not.toBeChecked();
  });

  it('shift-click selects the range from the last clicked row', async () => {
    render(<Harness data={fruits(20)} />);
    await settle();
    fireEvent.click(box(2));
    fireEvent.click(box(6), { shiftKey: true });
    expect(selectedIds()).toEqual([2, 3, 4, 5, 6]);
    for (const id of [2, 3, 4, 5, 6]) expect(box(id)).toBeChecked();
    expect(box(7)).not.toBeChecked();
  });

  it('x toggles the focused row, X selects up to it, Escape clears', async () => {
    render(<Harness data={fruits(20)} />);
    await settle();
    const rows = screen.getAllByRole('row').slice(1);
    const row = (i: number) => rows[i] as HTMLElement;
    act(() => row(0).focus());
    fireEvent.keyDown(row(0), { key: 'x' });
    expect(selectedIds()).toEqual([1]);
    act(() => row(3).focus());
    fireEvent.keyDown(row(3), { key: 'X', shiftKey: true });
    expect(selectedIds()).toEqual([1, 2, 3, 4]);
    fireEvent.keyDown(row(3), { key: 'x' });
    expect(selectedIds()).toEqual([1, 2, 3]);
    fireEvent.keyDown(row(3), { key: 'Escape' });
    expect(selectedIds()).toEqual([]);
    expect(box(1)).not.toBeChecked();
  });

  it('the header box selects the loaded rows, shows mixed, and unselects them', async () => {
    render(<Harness data={fruits(300)} />);
    await settle();
    expect(headerBox()).not.toBeChecked();
    fireEvent.click(box(1));
    expect(headerBox()).toHaveAttribute('aria-checked', 'mixed');
    expect((headerBox() as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(headerBox());
    // Every loaded row, rendered or not (virtualized).
    expect(current?.size).toBe(300);
    expect(headerBox()).toBeChecked();
    fireEvent.click(headerBox());
    expect(current?.size).toBe(0);
  });

  it('survives virtualization: a selected row scrolled away and back is still checked', async () => {
    render(<Harness data={fruits(1000)} />);
    await settle();
    fireEvent.click(box(2));
    const scroller = document.querySelector('.data-table-scroll') as HTMLElement;
    const scrollTo = async (top: number) => {
      scroller.scrollTop = top;
      fireEvent.scroll(scroller);
      await settle();
    };
    await scrollTo(20_000);
    expect(screen.queryByRole('checkbox', { name: 'Select row 2' })).toBeNull();
    await scrollTo(0);
    expect(box(2)).toBeChecked();
    expect(box(3)).not.toBeChecked();
  });

  it('keeps the selection when more rows load, and starts over on a new scope', async () => {
    const view = render(<Harness data={fruits(20)} />);
    await settle();
    fireEvent.click(box(4));
    view.rerender(<Harness data={fruits(40)} />);
    await settle();
    expect(box(4)).toBeChecked();
    expect(selectedIds()).toEqual([4]);
    view.rerender(<Harness data={fruits(40)} scope="b" />);
    await settle();
    expect(selectedIds()).toEqual([]);
    expect(box(4)).not.toBeChecked();
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('checkbox')
        .some((b) => (b as HTMLInputElement).checked),
    ).toBe(false);
  });
});

describe('useRowSelection', () => {
  it('is the same selection while the scope stays, a new empty one when it changes', () => {
    const hook = renderHook(({ scope }) => useRowSelection(scope), { initialProps: { scope: 'q=a' } });
    const first = hook.result.current;
    act(() => first.toggle('1'));
    hook.rerender({ scope: 'q=a' });
    expect(hook.result.current).toBe(first);
    expect(hook.result.current.has('1')).toBe(true);
    hook.rerender({ scope: 'q=b' });
    expect(hook.result.current).not.toBe(first);
    expect(hook.result.current.size).toBe(0);
  });
});
