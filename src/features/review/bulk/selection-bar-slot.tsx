/**
 * Where the selection bar goes: it subscribes to the selection itself (the page does not, so a
 * toggle never re-renders the table) and loads the bar's code only once something is selected.
 */
import { lazy, Suspense } from 'react';
import type { RowSelection } from '../../../components/data-table/row-selection.ts';
import { useSelectionVersion } from '../../../components/data-table/use-row-selection.ts';
import type { ListView } from '../../requests/api/request-queries.ts';

const SelectionBar = lazy(() => import('./selection-bar.tsx'));

export interface SelectionBarProps {
  selection: RowSelection;
  view: ListView;
  /** Requests matching the filter, when counted. */
  total: number | undefined;
  /** Switches to the whole-filter job dialog. */
  onSelectAllMatching: () => void;
}

export function SelectionBarSlot(props: SelectionBarProps) {
  useSelectionVersion(props.selection);
  if (props.selection.size === 0) return null;
  return (
    <Suspense fallback={<div className="selection-bar" aria-hidden="true" />}>
      <SelectionBar {...props} />
    </Suspense>
  );
}
