/** The drawer's single-key shortcuts (listed in ../shortcuts.ts for the `?` dialog). */

export type TriageAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'score'; value: number }
  | { type: 'focus-metadata' }
  | { type: 'copy-id' };

/** 1–5 → 20…100, 0 → 0: five steps a thumb can reach without looking. */
export const SCORE_KEYS: Record<string, number> = { '0': 0, '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 };
export const TRIAGE_SCORE_NAME = 'default';

export function triageAction(key: string): TriageAction | null {
  if (key === 'j') return { type: 'next' };
  if (key === 'k') return { type: 'previous' };
  if (key === 'm') return { type: 'focus-metadata' };
  if (key === 'c') return { type: 'copy-id' };
  const score = SCORE_KEYS[key];
  return score === undefined ? null : { type: 'score', value: score };
}
