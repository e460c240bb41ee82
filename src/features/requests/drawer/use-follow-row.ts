import { useEffect } from 'react';

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return null;
}

/**
 * Keeps the open request's table row in view while j/k move through the list, so the table
 * follows the drawer and Esc can hand focus back to a row that exists. Vertical only: the
 * table may be wider than its box and must not jump sideways.
 */
export function useFollowRow(id: number): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const row = document.querySelector(`[role="row"][data-row-id="${id}"]`);
      if (!(row instanceof HTMLElement)) return;
      const scroller = scrollParent(row);
      if (!scroller) return;
      const box = scroller.getBoundingClientRect();
      const rect = row.getBoundingClientRect();
      // A sticky header covers the top of the box.
      const header = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      if (rect.top < box.top + header) scroller.scrollTop -= box.top + header - rect.top;
      else if (rect.bottom > box.bottom) scroller.scrollTop += rect.bottom - box.bottom;
    });
    return () => cancelAnimationFrame(frame);
  }, [id]);
}
