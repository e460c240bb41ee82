// @vitest-environment jsdom
import {
  type ColumnDef,
  type ColumnVisibilityState,
  createColumnHelper,
  type SortingState,
} from '@tanstack/react-table';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataTable } from './data-table.tsx';
import type { DataTableFeatures } from './data-table-types.ts';
import { stubLayout } from './testing/stub-layout.ts';

interface Fruit {
  id: number;
  name: string;
  weight: number;
}

const helper = createColumnHelper<DataTableFeatures, Fruit>();
const columns = [
  helper.accessor('name', {
    id: 'name',
    header: 'Name',
    enableSorting: false,
    meta: { width: '1fr', label: 'Name' },
  }),
  helper.accessor('weight', { id: 'weight', header: 'Weight', meta: { width: '80px', label: 'Weight' } }),
] as ColumnDef<DataTableFeatures, Fruit>[];

const fruits = (n: number): Fruit[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `fruit ${i + 1}`, weight: i }));

beforeAll(stubLayout);
afterEach(cleanup);

/** The virtualizer measures its viewport after mount; let that settle. */
async function renderSettled(ui: React.ReactElement) {
  const result = render(ui);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return result;
}

function Harness(props: {
  data: Fruit[];
  onSort?: (s: SortingState) => void;
  onOpen?: (f: Fruit) => void;
  onEnd?: () => void;
  onKey?: (f: Fruit, key: string) => boolean;
  initialVisibility?: ColumnVisibilityState;
  hasMore?: boolean;
  activeRowId?: string | null;
  keysFromPage?: boolean;
}) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'weight', desc: true }]);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(props.initialVisibility ?? {});
  return (
    <DataTable
      ariaLabel="Fruits"
      columns={columns}
      data={props.data}
      getRowId={(row) => String(row.id)}
      sorting={sorting}
      onSortingChange={(next) => {
        setSorting(next);
        props.onSort?.(next);
      }}
      columnVisibility={visibility}
      onColumnVisibilityChange={setVisibility}
      onRowOpen={props.onOpen}
      onRowKey={props.onKey}
      hasMore={props.hasMore ?? false}
      onEndReached={props.onEnd}
      activeRowId={props.activeRowId ?? null}
      keysFromPage={props.keysFromPage ?? false}
    />
  );
}

describe('DataTable', () => {
  it('renders a labelled table with row ids from getRowId', async () => {
    await renderSettled(<Harness data={fruits(3)} />);
    const table = screen.getByRole('table', { name: 'Fruits' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-row-id'))).toEqual(['1', '2', '3']);
    expect(within(rows[0] as HTMLElement).getByText('fruit 1')).toBeInTheDocument();
  });

  it('virtualizes: 5,000 rows render only a window of them', async () => {
    await renderSettled(<Harness data={fruits(5000)} />);
    const rendered = screen.getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(100);
  });

  it('sorts through the callback (manual sorting) and reflects it in aria-sort', async () => {
    const onSort = vi.fn();
    await renderSettled(<Harness data={fruits(3)} onSort={onSort} />);
    const weight = screen.getByRole('columnheader', { name: /Weight/ });
    expect(weight).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');
    fireEvent.click(within(weight).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith([{ id: 'weight', desc: false }]);
    expect(weight).toHaveAttribute('aria-sort', 'ascending');
    // Manual sorting: the rows keep the order they were given.
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.getAttribute('data-row-id')),
    ).toEqual(['1', '2', '3']);
  });

  it('opens a row on click and on Enter, moves focus with j/k and arrows, passes other keys through', async () => {
    const onOpen = vi.fn();
    const onKey = vi.fn((_: Fruit, key: string) => key === 'c');
    await renderSettled(<Harness data={fruits(4)} onOpen={onOpen} onKey={onKey} />);
    const rows = () => screen.getAllByRole('row').slice(1);
    fireEvent.click(within(rows()[2] as HTMLElement).getByText('fruit 3'));
    expect(onOpen).toHaveBeenLastCalledWith({ id: 3, name: 'fruit 3', weight: 2 });

    act(() => (rows()[0] as HTMLElement).focus());
    fireEvent.keyDown(rows()[0] as HTMLElement, { key: 'j' });
    expect(rows()[1]).toHaveAttribute('tabindex', '0');
    expect(rows()[0]).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(rows()[1] as HTMLElement, { key: 'ArrowDown' });
    fireEvent.keyDown(rows()[2] as HTMLElement, { key: 'k' });
    expect(rows()[1]).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(rows()[1] as HTMLElement, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith({ id: 2, name: 'fruit 2', weight: 1 });
    fireEvent.keyDown(rows()[1] as HTMLElement, { key: 'c' });
    expect(onKey).toHaveBeenLastCalledWith({ id: 2, name: 'fruit 2', weight: 1 }, 'c');
  });

  it('hides columns by visibility state', async () => {
    await renderSettled(<Harness data={fruits(2)} initialVisibility={{ weight: false }} />);
    expect(screen.queryByRole('columnheader', { name: /Weight/ })).toBeNull();
    expect(screen.getAllByRole('cell')).toHaveLength(2);
  });

  it('asks for more rows only when the window reaches the end', async () => {
    const onEnd = vi.fn();
    await renderSettled(<Harness data={fruits(10)} hasMore onEnd={onEnd} />);
    expect(onEnd).toHaveBeenCalled();
    const farFromEnd = vi.fn();
    cleanup();
    await renderSettled(<Harness data={fruits(1000)} hasMore onEnd={farFromEnd} />);
    expect(screen.getAllByRole('row').length).toBeGreaterThan(5);
    expect(farFromEnd).not.toHaveBeenCalled();
  });

  it('does not ask for more when there is no next page', async () => {
    const onEnd = vi.fn();
    await renderSettled(<Harness data={fruits(10)} hasMore={false} onEnd={onEnd} />);
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('marks the active row and gives it keyboard focus when it is released', async () => {
    const { rerender } = await renderSettled(<Harness data={fruits(4)} activeRowId="3" />);
    const row = (id: string) => screen.getAllByRole('row').find((r) => r.getAttribute('data-row-id') === id);
    expect(row('3')).toHaveAttribute('aria-current', 'true');
    expect(document.activeElement).toBe(document.body);
    rerender(<Harness data={fruits(4)} activeRowId={null} />);
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(row('3')).not.toHaveAttribute('aria-current');
    expect(document.activeElement).toBe(row('3'));
    expect(row('3')).toHaveAttribute('tabindex', '0');
  });

  it('with keysFromPage, j on the page body starts row navigation', async () => {
    await renderSettled(<Harness data={fruits(4)} keysFromPage />);
    fireEvent.keyDown(document.body, { key: 'j' });
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement?.getAttribute('data-row-id')).toBe('1');
    cleanup();
    await renderSettled(<Harness data={fruits(4)} />);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(document.body);
  });

  it("with keysFromPage, a second j pressed before the first one's focus lands moves on from it", async () => {
    await renderSettled(<Harness data={fruits(4)} keysFromPage />);
    // Both in one task: React has not re-rendered (nor moved DOM focus) between them.
    const press = () =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    press();
    press();
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement?.getAttribute('data-row-id')).toBe('2');
  });
});
