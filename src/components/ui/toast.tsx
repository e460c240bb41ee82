/**
 * Toasts: a tiny module store (toast(...) can be called from anywhere, e.g. the QueryClient's
 * cache onError) rendered with Radix Toast, which announces them politely to screen readers.
 */
import { Toast as RadixToast } from 'radix-ui';
import { createStore, useStore } from '../../lib/create-store.ts';

export interface ToastItem {
  id: number;
  title: string;
  description?: string;
  tone: 'info' | 'error' | 'success';
}

const items = createStore<ToastItem[]>([]);
let nextId = 1;

export function toast(title: string, options: { description?: string; tone?: ToastItem['tone'] } = {}): void {
  const item: ToastItem = { id: nextId++, title, tone: options.tone ?? 'info' };
  if (options.description) item.description = options.description;
  // Same message already showing: do not stack duplicates (e.g. several queries failing at once).
  items.set((current) =>
    current.some((existing) => existing.title === item.title && existing.description === item.description)
      ? current
      : [...current, item].slice(-4),
  );
}

function dismiss(id: number): void {
  items.set((current) => current.filter((item) => item.id !== id));
}

export function Toaster() {
  const current = useStore(items);
  return (
    <RadixToast.Provider swipeDirection="right" duration={6000}>
      {current.map((item) => (
        <RadixToast.Root
          key={item.id}
          className={`toast toast-${item.tone}`}
          type={item.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(item.id);
          }}
        >
          <RadixToast.Title className="toast-title">{item.title}</RadixToast.Title>
          {item.description ? (
            <RadixToast.Description className="toast-description">{item.description}</RadixToast.Description>
          ) : null}
          <RadixToast.Close className="toast-close" aria-label="Dismiss">
            ×
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="toast-viewport" />
    </RadixToast.Provider>
  );
}
