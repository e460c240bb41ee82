/**
 * The fragment of a row's input or output text where q matched, for highlighting in the list:
 * a window of the text around the first match, with the match's place in that window.
 */
import type { MatchSnippet } from '../../../contract/api.ts';
import { firstMatch, parseTextQuery } from './text-query.ts';

/** Characters of each text read to find the match (a payload can be megabytes). */
export const SNIPPET_HEAD_CHARS = 100_000;
/** Characters kept before the match: few, so that it stays visible in a narrow column. */
const BEFORE = 16;
const WINDOW = 200;

export function snippetOf(text: string, q: string): MatchSnippet | null {
  const query = parseTextQuery(q);
  if (query === null) return null;
  const found = firstMatch(text, query, SNIPPET_HEAD_CHARS);
  if (found === null) return null;
  let from = Math.max(0, found.start - BEFORE);
  // Never cut a surrogate pair in two.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from] ?? '')) from -= 1;
  let to = Math.min(text.length, from + Math.max(WINDOW, found.length + BEFORE));
  if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1] ?? '')) to += 1;
  const lead = from > 0 ? '…' : '';
  return {
    text: `${lead}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`,
    start: lead.length + collapsedLength(text.slice(from, found.start)),
    length: collapsedLength(text.slice(found.start, found.start + found.length)),
  };
}

/** Length after white-space runs collapse to one space (as in the snippet text). */
const collapsedLength = (text: string): number => text.replace(/\s+/g, ' ').length;

/** Snippets for a row's input and output text (each only where q matched). */
export function rowMatches(
  inputText: string,
  outputText: string,
  q: string,
): { inputMatch?: MatchSnippet; outputMatch?: MatchSnippet } {
  const inputMatch = snippetOf(inputText, q);
  const outputMatch = snippetOf(outputText, q);
  return { ...(inputMatch ? { inputMatch } : {}), ...(outputMatch ? { outputMatch } : {}) };
}
