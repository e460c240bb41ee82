/**
 * Accounts, sessions, keys, setup tokens, annotation history and the audit log: one table
 * definition for both adapters (SQLite step 40, PostgreSQL migration 40), differing only in
 * the id column and the append-only guard on audit_log.
 */
export function authTablesSql(dialect: 'sqlite' | 'postgres'): string {
  const id =
    dialect === 'sqlite'
      ? 'id INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  const int = dialect === 'sqlite' ? 'INTEGER' : 'bigint';
  const appendOnly =
    dialect === 'sqlite'
      ? `CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
         CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`
      : `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
           $fn$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $fn$;
         CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
           FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();`;
  return `
CREATE TABLE IF NOT EXISTS accounts (
  ${id},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'annotator', 'viewer')),
  password_hash TEXT,
  disabled ${int} NOT NULL DEFAULT 0,
  source TEXT NOT NULL CHECK (source IN ('password', 'proxy')),
  created_ms ${int} NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  account_id ${int} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_ms ${int} NOT NULL,
  expires_ms ${int} NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_ms);
CREATE TABLE IF NOT EXISTS api_keys (
  ${id},
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('ingest', 'read', 'annotate', 'admin')),
  created_by TEXT NOT NULL,
  created_ms ${int} NOT NULL,
  last_used_ms ${int},
  expires_ms ${int},
  revoked_ms ${int}
);
CREATE TABLE IF NOT EXISTS setup_tokens (token_hash TEXT PRIMARY KEY, created_ms ${int} NOT NULL);
CREATE TABLE IF NOT EXISTS auth_secret (id ${int} PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS annotation_events (
  ${id},
  request_id ${int} NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('score', 'metadata', 'tag')),
  name TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at_ms ${int} NOT NULL
);
CREATE INDEX IF NOT EXISTS annotation_events_request ON annotation_events (request_id, id);
CREATE TABLE IF NOT EXISTS audit_log (
  ${id},
  at_ms ${int} NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
${appendOnly}
`;
}
