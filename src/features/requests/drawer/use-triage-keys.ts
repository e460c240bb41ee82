import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../../lib/keyboard.ts';
import { type TriageAction, triageAction } from './triage-keys.ts';

const OTHER_LAYERS = '[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]';

/**
 * The drawer's single-key shortcuts, anywhere on the page while it is open. Listens in the
 * capture phase so that, while the drawer is open, j/k/c move and copy the open request rather
 * than the table's focused row; never fires while the user types or another layer has focus.
 */
export function useTriageKeys(
  drawer: RefObject<HTMLElement | null>,
  onAction: (action: TriageAction) => void,
) {
  const handler = useRef(onAction);
  // Swapped in the same commit that paints the header: a key always acts on the request shown,
  // even when a slow machine runs passive effects long after the paint.
  useLayoutEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (event.target instanceof Element) {
        const layer = event.target.closest(OTHER_LAYERS);
        if (layer && layer !== drawer.current) return;
      }
      const action = triageAction(event.key);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [drawer]);
}
