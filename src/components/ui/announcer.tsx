/**
 * One polite aria-live region for short confirmations ("Copied"). announce() can be called from
 * any event handler. The text stays until the next message (no timer: a slow machine must not
 * clear it before anyone reads it); the same message again is cleared for a frame first, so
 * assistive technology hears a change.
 */
import { createStore, useStore } from '../../lib/create-store.ts';

const message = createStore({ text: '', seq: 0 });

export function announce(text: string): void {
  const seq = message.get().seq + 1;
  if (message.get().text !== text) {
    message.set({ text, seq });
    return;
  }
  message.set({ text: '', seq });
  requestAnimationFrame(() => {
    if (message.get().seq === seq) message.set({ text, seq });
  });
}

export function LiveAnnouncer() {
  const text = useStore(message, (state) => state.text);
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
