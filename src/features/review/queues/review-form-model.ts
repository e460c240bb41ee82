/**
 * The reviewer's compact form as data: which value a key gives the definition being filled,
 * what is still missing, and where the cursor goes next. Pure, so the keyboard rules are tested
 * without a browser.
 */
import { type ScoreDefinition, scoreValueProblem } from '../../../../contract/score-definitions.ts';

export type ReviewValues = Readonly<Record<string, number>>;

/**
 * The value a single key gives `definition`: 1–9 pick a categorical label in order; boolean takes
 * 1 for pass and 0 for fail. Numeric fields take typed numbers in their input instead (null).
 */
export function keyValue(definition: ScoreDefinition, key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  if (definition.kind === 'boolean') {
    if (digit > 1) return null;
    return (definition.labels.find((l) => l.value === (digit === 1 ? 100 : 0)) ?? null)?.value ?? null;
  }
  if (definition.kind === 'categorical') return definition.labels[digit - 1]?.value ?? null;
  return null;
}

/** The key shown beside a label: 1–9 in order, or 1 = pass / 0 = fail. */
export function keyFor(definition: ScoreDefinition, index: number): string {
  if (definition.kind === 'boolean') return definition.labels[index]?.value === 100 ? '1' : '0';
  return String(index + 1);
}

export function missing(definitions: readonly ScoreDefinition[], values: ReviewValues): ScoreDefinition[] {
  return definitions.filter((d) => values[d.name] === undefined);
}

/** The first definition after `from` (wrapping) still without a value; `from` when all have one. */
export function nextActive(
  definitions: readonly ScoreDefinition[],
  values: ReviewValues,
  from: number,
): number {
  for (let step = 1; step <= definitions.length; step++) {
    const index = (from + step) % definitions.length;
    const definition = definitions[index];
    if (definition && values[definition.name] === undefined) return index;
  }
  return from;
}

/** A typed number for a numeric definition: its value, or why it does not fit. */
export function parseTyped(
  definition: ScoreDefinition,
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed))
    return {
      ok: false,
      message: `${definition.name}: type a whole number from ${definition.min} to ${definition.max}`,
    };
  const value = Number(trimmed);
  const problem = scoreValueProblem(definition, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
