/** React glue for RowSelection: one selection per scope, and subscriptions that re-render only what changed. */
import { useState, useSyncExternalStore } from 'react';
import { RowSelection } from './row-selection.ts';

/**
 * A selection that lasts while `scope` stays the same (e.g. the serialized filter): a new scope
 * starts empty, since the rows selected before may not match any more.
 */
export function useRowSelection(scope: string): RowSelection {
  const [state, setState] = useState(() => ({ scope, selection: new RowSelection() }));
  if (state.scope !== scope) {
    const next = { scope, selection: new RowSelection() };
    setState(next);
    return next.selection;
  }
  return state.selection;
}

/** Whether one row is selected: re-renders only when that row's state flips. */
export function useIsSelected(selection: RowSelection, id: string): boolean {
  return useSyncExternalStore(
    selection.subscribe,
    () => selection.has(id),
    () => false,
  );
}

/** Re-renders on every change of the selection (for counts and the action bar). */
export function useSelectionVersion(selection: RowSelection): number {
  return useSyncExternalStore(selection.subscribe, selection.getVersion, selection.getVersion);
}
