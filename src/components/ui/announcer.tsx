/**
 * One polite aria-live region for short confirmations ("Copied"). announce() can be called from
 * any event handler; the text is cleared and re-set so repeating the same message is announced again.
 */
import { useSyncExternalStore } from 'react';

let message = '';
let seq = 0;
const listeners = new Set<() => void>();

export function announce(text: string): void {
  message = text;
  seq++;
  const mine = seq;
  for (const listener of listeners) listener();
  setTimeout(() => {
    if (seq !== mine) return;
    message = '';
    for (const listener of listeners) listener();
  }, 2000);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function LiveAnnouncer() {
  const text = useSyncExternalStore(subscribe, () => message);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-region"
    >
      {text}
    </div>
  );
}
