import { SCORE_NAME_MAX } from '../../../../contract/api.ts';

export type ScoreInput =
  | { ok: true; name: string; value: number }
  | { ok: false; field: 'name' | 'value'; message: string };

/** Validates the score form: a name, and a whole number from 0 to 100 (what the server accepts). */
export function parseScoreInput(rawName: string, rawValue: string): ScoreInput {
  const name = rawName.trim();
  if (name === '') return { ok: false, field: 'name', message: 'Enter a score name.' };
  if (name.length > SCORE_NAME_MAX)
    return { ok: false, field: 'name', message: `A score name has at most ${SCORE_NAME_MAX} characters.` };
  const value = rawValue.trim();
  if (!/^\d+$/.test(value) || Number(value) > 100)
    return { ok: false, field: 'value', message: 'A score is a whole number from 0 to 100.' };
  return { ok: true, name, value: Number(value) };
}
