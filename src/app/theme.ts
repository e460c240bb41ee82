/**
 * Light/dark theme: follows the system until the user picks one with the toggle; the choice is
 * persisted. The resolved theme is written to <html data-theme> (read by the CSS variables);
 * index.html applies it before first paint to avoid a flash.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'promptlog.theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function resolve(): Theme {
  return stored() ?? (media().matches ? 'dark' : 'light');
}

const listeners = new Set<() => void>();
function apply() {
  document.documentElement.dataset.theme = resolve();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const query = media();
  query.addEventListener('change', apply);
  return () => {
    listeners.delete(listener);
    query.removeEventListener('change', apply);
  };
}

export function useTheme(): { theme: Theme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, resolve);
  const toggle = useCallback(() => {
    try {
      localStorage.setItem(STORAGE_KEY, resolve() === 'dark' ? 'light' : 'dark');
    } catch {
      // ignore: the toggle still works for this page
    }
    apply();
  }, []);
  return { theme, toggle };
}
