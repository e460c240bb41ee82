/**
 * One polite aria-live region for short confirmations ("Copied"). announce() can be called from
 * any event handler; the text is cleared and re-set so repeating the same message is announced again.
 */
import { createStore, useStore } from '../../lib/create-store.ts';

// The sequence number makes a repeated message a new state, so it is announced again.
const message = createStore({ text: '', seq: 0 });

export function announce(text: string): void {
  const mine = message.get().seq + 1;
  message.set({ text, seq: mine });
  setTimeout(() => {
    if (message.get().seq === mine) message.set({ text: '', seq: mine });
  }, 2000);
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
