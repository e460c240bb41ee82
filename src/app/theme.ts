/**
 * Light/dark theme: follows the system until the user picks one with the toggle; the choice is
 * persisted. The resolved theme is written to <html data-theme> (read by the CSS variables);
 * index.html applies it before first paint to avoid a flash.
 */
import { useCallback } from 'react';
import { createStore, useStore } from '../lib/create-store.ts';

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

const theme = createStore<Theme>(resolve());
theme.subscribe(() => {
  document.documentElement.dataset.theme = theme.get();
});
media().addEventListener('change', () => theme.set(resolve()));

export function useTheme(): { theme: Theme; toggle: () => void } {
  const current = useStore(theme);
  const toggle = useCallback(() => {
    try {
      localStorage.setItem(STORAGE_KEY, resolve() === 'dark' ? 'light' : 'dark');
    } catch {
      // ignore: the toggle still works for this page
    }
    theme.set(resolve());
  }, []);
  return { theme: current, toggle };
}
