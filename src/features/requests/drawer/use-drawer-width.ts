import { useCallback, useState } from 'react';

const STORAGE_KEY = 'promptlog.drawerWidth';
export const DRAWER_MIN_WIDTH = 360;
export const DRAWER_DEFAULT_WIDTH = 680;
/** The table keeps at least this much of the window. */
const TABLE_MIN_WIDTH = 160;

export function clampWidth(width: number, viewport: number): number {
  const max = Math.max(DRAWER_MIN_WIDTH, viewport - TABLE_MIN_WIDTH);
  return Math.round(Math.min(max, Math.max(DRAWER_MIN_WIDTH, width)));
}

function readStored(): number {
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(stored) && stored > 0 ? stored : DRAWER_DEFAULT_WIDTH;
  } catch {
    return DRAWER_DEFAULT_WIDTH;
  }
}

/** The drawer's width in px, remembered across reloads. `save` persists the current value. */
export function useDrawerWidth(): {
  width: number;
  setWidth: (w: number) => void;
  save: (w: number) => void;
} {
  const [width, setRaw] = useState(readStored);
  const setWidth = useCallback((w: number) => setRaw(clampWidth(w, window.innerWidth)), []);
  const save = useCallback((w: number) => {
    try {
      localStorage.setItem(STORAGE_KEY, String(clampWidth(w, window.innerWidth)));
    } catch {
      // No storage (private mode): the width still applies for this page.
    }
  }, []);
  return { width, setWidth, save };
}
