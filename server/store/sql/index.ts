/**
 * Dialect-neutral SQL shared by the SQLite and PostgreSQL adapters.
 *
 * - fragment.ts  `sql\`…${value}\`` builds text + bound values; `renderSql(f, dialect.placeholder)`.
 * - dialect.ts   the few things that differ (placeholders, full text, LIKE, index pinning, JSON),
 *                and the table/column names every query here assumes (see its header).
 * - filter.ts    RequestFilter → candidates (model/provider/status/prompt, tag, metadata, score,
 *                full text) and predicates.
 * - list-plan.ts the list page: estimateSql() per candidate → chooseDriver() → timePageSql()
 *                (time sort, driven by the most selective index) or sortedPageSql(); both
 *                select `(id, sk)` rows; fetch the rows by id with ROW_COLUMNS afterwards.
 * - cursor.ts    opaque keyset cursors (InvalidCursorError from ../errors.ts on a bad one).
 * - search-filter.ts  PromptLayer's filter tree (§6) → one predicate over requests r.
 * - rows.ts      ROW_COLUMNS, database row → RequestRow, previews.
 */
export * from './cursor.ts';
export * from './dialect.ts';
export * from './filter.ts';
export * from './fragment.ts';
export * from './list-plan.ts';
export * from './rows.ts';
export * from './search-filter.ts';
export * from './sort.ts';
