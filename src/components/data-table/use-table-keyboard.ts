/**
 * The table's keyboard: j/k and arrows move the focused row (roving tabindex), Home/End jump,
 * Enter opens, `x` toggles the focused row's selection (`X` selects up to it), Escape clears the
 * selection, other single keys go to onRowKey. With `keysFromPage`, j/k/arrows pressed outside
 * any widget (e.g. on the page body) start row navigation too.
 */
import { type KeyboardEvent, useCallback, useEffect, useRef } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../lib/keyboard.ts';

const NEXT_KEYS = ['j', 'ArrowDown'];
const PREVIOUS_KEYS = ['k', 'ArrowUp'];
const OTHER_WIDGETS = 'table, [role="dialog"], [role="menu"], [role="listbox"]';

export interface TableKeyboardOptions<TData> {
  rowCount: number;
  /** The row that has (or would get) keyboard focus; -1 before any. */
  focusedIndex: number;
  rowAt: (index: number) => TData | undefined;
  /** Moves keyboard focus to a row (scrolling it into view). */
  focusRow: (index: number) => void;
  onRowOpen: ((row: TData) => void) | undefined;
  onRowKey: ((row: TData, key: string) => boolean) | undefined;
  /** Selection keys; absent when the table has no selection. */
  onToggleRow?: ((index: number, range: boolean) => void) | undefined;
  /** Escape: returns true when there was a selection to clear. */
  onClearSelection?: (() => boolean) | undefined;
  keysFromPage: boolean;
}

export function useTableKeyboard<TData>(options: TableKeyboardOptions<TData>) {
  const { rowCount, focusedIndex, rowAt, focusRow, onRowOpen, onRowKey, keysFromPage } = options;
  const { onToggleRow, onClearSelection } = options;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (isTypingTarget(event.target) || hasCommandModifier(event)) return;
      const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
      const current = rowElement ? Number(rowElement.dataset.rowIndex) : focusedIndex;
      const move = (index: number) => {
        event.preventDefault();
        focusRow(Math.max(0, Math.min(rowCount - 1, index)));
      };
      if (NEXT_KEYS.includes(event.key)) return move(current + 1);
      if (PREVIOUS_KEYS.includes(event.key)) return move(Math.max(0, current - 1));
      if (event.key === 'Home') return move(0);
      if (event.key === 'End') return move(rowCount - 1);
      if (event.key === 'Escape' && onClearSelection?.()) return event.preventDefault();
      const row = rowAt(current);
      if (!row || !rowElement || event.target !== rowElement) return;
      if ((event.key === 'x' || event.key === 'X') && onToggleRow) {
        event.preventDefault();
        onToggleRow(current, event.key === 'X');
      } else if (event.key === 'Enter') {
        event.preventDefault();
        onRowOpen?.(row);
      } else if (onRowKey?.(row, event.key)) {
        event.preventDefault();
      }
    },
    [rowCount, focusedIndex, rowAt, focusRow, onRowOpen, onRowKey, onToggleRow, onClearSelection],
  );

  const fromPage = useRef({ rowCount, focusedIndex, focusRow });
  useEffect(() => {
    fromPage.current = { rowCount, focusedIndex, focusRow };
  });
  // The row a page key asked for until DOM focus lands on a row: a second key pressed before
  // that (a quick "j j") moves on from it instead of asking for the same row again.
  const requested = useRef<number | null>(null);
  useEffect(() => {
    if (!keysFromPage) return;
    const onPageKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (![...NEXT_KEYS, ...PREVIOUS_KEYS].includes(event.key)) return;
      if (event.target instanceof Element && event.target.closest(OTHER_WIDGETS)) return;
      const { rowCount: count, focusedIndex: index, focusRow: focus } = fromPage.current;
      if (count === 0) return;
      event.preventDefault();
      const pending = requested.current;
      const step = NEXT_KEYS.includes(event.key) ? 1 : -1;
      const target = pending === null ? Math.max(index, 0) : Math.max(0, Math.min(count - 1, pending + step));
      requested.current = target;
      focus(target);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && event.target.dataset.rowIndex !== undefined)
        requested.current = null;
    };
    document.addEventListener('keydown', onPageKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onPageKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [keysFromPage]);

  return onKeyDown;
}
