/**
 * Score definitions and score comments: one table definition for both adapters (SQLite step 90,
 * PostgreSQL migration 90), differing only in the id and integer column types.
 */
export function reviewTablesSql(dialect: 'sqlite' | 'postgres'): string {
  const id =
    dialect === 'sqlite'
      ? 'id INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  const int = dialect === 'sqlite' ? 'INTEGER' : 'bigint';
  return `
CREATE TABLE IF NOT EXISTS score_definitions (
  ${id},
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('numeric', 'categorical', 'boolean')),
  description TEXT NOT NULL,
  min_value ${int} NOT NULL,
  max_value ${int} NOT NULL,
  step ${int} NOT NULL,
  labels TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms ${int} NOT NULL,
  archived_ms ${int}
);
CREATE UNIQUE INDEX IF NOT EXISTS score_definitions_active_name
  ON score_definitions (name) WHERE archived_ms IS NULL;
CREATE INDEX IF NOT EXISTS score_definitions_name ON score_definitions (name, id);
CREATE TABLE IF NOT EXISTS score_comments (
  request_id ${int} NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  comment TEXT NOT NULL,
  actor TEXT NOT NULL,
  at_ms ${int} NOT NULL,
  PRIMARY KEY (request_id, name)
);
`;
}
