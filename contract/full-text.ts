/**
 * The words of a free-text query `q`, as both stores search them: lower-cased, split at every
 * character that is not a letter, digit or private-use character. `_` and `-` split words, as
 * SQLite's unicode61 tokenizer and PostgreSQL's parser split the indexed text, so `user_123` is
 * the words `user` and `123`. Never more words than FILTER_LIMITS.qWords (callers refuse longer).
 *
 * U+19B0–19C9 and U+1CF2–3 are letters to JavaScript's Unicode tables but separators to SQLite's
 * (older) ones: a word containing one would become a phrase, which the index cannot answer.
 */
const SEPARATOR = /[^\p{L}\p{N}\p{Co}]|[\u19B0-\u19C9\u1CF2\u1CF3]/u;

export function fullTextWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(new RegExp(SEPARATOR.source, 'gu'))
    .filter((word) => word.length > 0);
}
