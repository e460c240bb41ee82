/** Column visibility, remembered in localStorage across reloads. */
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';

function read(storageKey: string, defaults: ColumnVisibilityState): ColumnVisibilityState {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return defaults;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const entries = Object.entries(parsed).filter(
      (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
    );
    return { ...defaults, ...Object.fromEntries(entries) };
  } catch {
    return defaults;
  }
}

export function useColumnVisibility(storageKey: string, defaults: ColumnVisibilityState = {}) {
  const [visibility, setVisibility] = useState(() => read(storageKey, defaults));
  const update = useCallback(
    (next: ColumnVisibilityState) => {
      setVisibility(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // storage full or disabled: the choice lasts for this page only
      }
    },
    [storageKey],
  );
  return [visibility, update] as const;
}
