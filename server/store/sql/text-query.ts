/**
 * What free text `q` means, for both adapters. q is split at white space into terms; a request
 * matches when every term is found in its input or output text:
 * - a term of 3 or more characters as a substring, in any script (`天气预`, `อากาศ`, `weather`
 *   inside `get_weather_v2`, `8f3a` inside a session id): each adapter's trigram index finds the
 *   candidates, a LIKE on the text confirms them (case-insensitive for A–Z);
 * - a term of 1 or 2 characters as the start of a word (`ai`, `v2`), from the word index:
 *   a trigram index cannot answer it and a scan would have no bounded cost.
 */
import { likeEscape } from './rules.ts';
/** Terms beyond this many are ignored (each one costs an index read). */
export const MAX_TERMS = 16;
/** Trigrams of one term looked up in the index; the LIKE confirms the rest of the term. */
export const MAX_TRIGRAMS_PER_TERM = 12;

export interface TextQuery {
  /** Terms of 3+ characters, lower-cased, matched as substrings. */
  substrings: string[];
  /** Words of the 1–2 character terms, lower-cased, matched as word prefixes. */
  wordPrefixes: string[];
}

/** Words as the word index splits them (letters and digits; `_` and punctuation separate). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0);
}

/** The parsed query, or null when it has nothing to search for (then it matches nothing). */
export function parseTextQuery(q: string): TextQuery | null {
  const terms = q
    .trim()
    .split(/\s+/u)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
  const substrings: string[] = [];
  const wordPrefixes: string[] = [];
  for (const term of terms) {
    const lower = term.toLowerCase();
    if ([...lower].length >= 3) substrings.push(lower);
    else wordPrefixes.push(...wordsOf(lower));
  }
  if (substrings.length === 0 && wordPrefixes.length === 0) return null;
  return { substrings: [...new Set(substrings)], wordPrefixes: [...new Set(wordPrefixes)] };
}

/** Distinct trigrams of a term (by code point), at most MAX_TRIGRAMS_PER_TERM, spread over it. */
export function trigramsOf(term: string): string[] {
  const chars = [...term];
  const all: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) all.push(chars.slice(i, i + 3).join(''));
  const distinct = [...new Set(all)];
  if (distinct.length <= MAX_TRIGRAMS_PER_TERM) return distinct;
  const step = (distinct.length - 1) / (MAX_TRIGRAMS_PER_TERM - 1);
  return [
    ...new Set(
      Array.from({ length: MAX_TRIGRAMS_PER_TERM }, (_, i) => distinct[Math.round(i * step)] as string),
    ),
  ];
}

const fts5String = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** FTS5 MATCH text for the trigram index: every trigram of every substring term. */
export function trigramMatch(query: TextQuery): string | null {
  const trigrams = [...new Set(query.substrings.flatMap(trigramsOf))];
  return trigrams.length === 0 ? null : trigrams.map(fts5String).join(' AND ');
}

/** FTS5 MATCH text for the word index: every word as a prefix. */
export function wordPrefixMatch(query: TextQuery): string | null {
  return query.wordPrefixes.length === 0
    ? null
    : query.wordPrefixes.map((word) => `${fts5String(word)}*`).join(' AND ');
}

/** `%term%` with LIKE's wildcards escaped (escape character `\`). */
export const containsPattern = (term: string): string => `%${likeEscape(term)}%`;

/**
 * Where the first term occurs in `text` (case-insensitively), for highlighting a row's
 * preview; null when none does. Only the head of a long text is looked at.
 */
export function firstMatch(
  text: string,
  query: TextQuery,
  headChars = 100_000,
): { start: number; length: number } | null {
  const head = text.length > headChars ? text.slice(0, headChars) : text;
  const lower = head.toLowerCase();
  // toLowerCase keeps UTF-16 lengths for almost every character; when it does not, indices drift.
  if (lower.length !== head.length) return null;
  let best: { start: number; length: number } | null = null;
  for (const term of query.substrings) {
    const at = lower.indexOf(term);
    if (at >= 0 && (best === null || at < best.start)) best = { start: at, length: term.length };
  }
  for (const word of query.wordPrefixes) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    const found = re.exec(lower);
    if (found && (best === null || found.index < best.start))
      best = { start: found.index, length: word.length };
  }
  return best;
}
