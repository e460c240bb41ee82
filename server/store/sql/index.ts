/**
 * What the SQLite and PostgreSQL adapters really share; each adapter owns its planner and its
 * SQL in its own folder (sqlite/: list-plan.ts, filter.ts, dialect.ts; postgres/: time-plan.ts,
 * list-sql.ts, filter-sql.ts, …).
 *
 * - fragment.ts       `sql\`…${value}\`` builds text + bound values; `renderSql(f, placeholder)`.
 * - dialect.ts        the few things the shared SQL leaves to each adapter (full text, LIKE,
 *                     index pinning, JSON), the table/column names it assumes, the index names.
 * - cursor.ts         opaque keyset cursors (InvalidCursorError from ../errors.ts on a bad one).
 * - search-filter.ts  PromptLayer's filter tree (parsed by contract/promptlayer-search.ts) →
 *                     one predicate over requests r.
 * - rules.ts          the business rules both keep alike: limits (facets, estimates; the probe's cap
 *                     is contract/limits.ts), sort columns, filter column → facet counter, count
 *                     from counters, LIKE escaping, facet assembly.
 * - narrowing-filter.ts  the filter parts that only narrow (review work, prompt versions) as
 *                     predicates both run.
 * - rows.ts           ROW_COLUMNS and database row → RequestRow / RequestDetail.
 * - iso-time.ts       epoch ms → ISO-8601 without a Date per row.
 * - text-query.ts     what free text `q` means (substring and word-prefix terms), for both
 *                     adapters' text indexes; text-snippet.ts finds where it matched in a row.
 * - search-as-list.ts PromptLayer's search as a list query when the list can answer it.
 * - purge.ts          retention's batch scan; span-rows.ts span rows → the trace contract.
 * - timeline-plan.ts  the timeline (hourly rollups kept by triggers, or a scan) as reads both run.
 * - auth-schema.ts, auth-store.ts  accounts, sessions, keys and the audit log in SQL both run;
 *   review-schema.ts, review-store.ts  score definitions and comments, likewise.
 */
export * from './cursor.ts';
export * from './dialect.ts';
export * from './fragment.ts';
export * from './rows.ts';
export * from './rules.ts';
export * from './search-filter.ts';
