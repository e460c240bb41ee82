/**
 * Composable SQL fragments: text plus the values bound to it, kept together so that fragments
 * can be built in any order and joined without counting placeholders. Each adapter renders the
 * marks as `?` (SQLite) or `$1, $2…` (PostgreSQL) at the very end.
 */

/** Stands for one bound value inside fragment text; never appears in generated SQL. */
export const PARAM_MARK = '\u0001';

export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && 'text' in value && 'params' in value;
}

/** Template tag: interpolated Sql fragments are inlined, every other value becomes a bound parameter. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += PARAM_MARK;
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

/** Trusted SQL text (identifiers, keywords chosen by the code, never user input). */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export function join(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((part) => part.text).join(separator),
    params: parts.flatMap((part) => part.params),
  };
}

/** `a AND b AND c`, or a true constant when empty. */
export function and(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return raw('1 = 1');
  if (parts.length === 1) return parts[0] as Sql;
  return join(
    parts.map((part) => sql`(${part})`),
    ' AND ',
  );
}

export function or(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return raw('1 = 0');
  if (parts.length === 1) return parts[0] as Sql;
  return sql`(${join(
    parts.map((part) => sql`(${part})`),
    ' OR ',
  )})`;
}

/** Replaces each parameter mark with `placeholder(index)` (1-based). */
export function renderSql(fragment: Sql, placeholder: (index: number) => string): string {
  let index = 0;
  return fragment.text
    .split(PARAM_MARK)
    .reduce((out, part, i) => (i === 0 ? part : `${out}${placeholder(++index)}${part}`), '');
}

/** `v1, v2, …` as bound parameters (for IN lists). */
export function list(values: readonly unknown[]): Sql {
  return { text: values.map(() => PARAM_MARK).join(', '), params: [...values] };
}
