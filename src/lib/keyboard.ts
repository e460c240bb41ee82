/** Shared rules for single-key shortcuts: they never fire while the user types or holds a command modifier. */

/** True when a key press belongs to a text field, so single-key shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return target.getAttribute('role') === 'combobox';
}

/** True for a key press with a modifier that means "not for us" (Ctrl/Meta/Alt shortcuts of the browser). */
export function hasCommandModifier(
  event: KeyboardEvent | { ctrlKey: boolean; metaKey: boolean; altKey: boolean },
): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}
