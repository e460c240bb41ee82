/**
 * SQLite schema as numbered steps, applied on open in one transaction each and recorded in
 * PRAGMA user_version. Never edit a shipped step: append a new one.
 *
 * requests holds the listable columns (and ~200-character previews) so list pages never read a
 * payload; request_bodies holds the big JSON and the search text, and feeds the FTS5 index
 * (external content). Side tables carry a copy of start_ms so that a tag, metadata or score
 * filter sorted by time is one index range scan. facet_counts and metadata_value_counts are kept
 * so the filter UI's counts cost a few index reads at any size: inserts add to them once per
 * transaction from the adapter (counters.ts), deletes and updates subtract by trigger.
 */
import { authTablesSql } from '../sql/auth-schema.ts';
import { queueTablesSql } from '../sql/queue-schema.ts';
import { reviewTablesSql } from '../sql/review-schema.ts';
import { timelineRollupsSql } from './timeline-schema.ts';

export interface SqliteMigration {
  version: number;
  name: string;
  sql: string;
  /** Safe to run again (IF NOT EXISTS only): also run on databases already numbered past it. */
  idempotent?: boolean;
}

function counterDecrement(kind: string, value: string, extra: string): string {
  return `UPDATE facet_counts SET n = n - 1 WHERE kind = '${kind}' AND value = ${value} AND extra = ${extra};
    DELETE FROM facet_counts WHERE kind = '${kind}' AND value = ${value} AND extra = ${extra} AND n <= 0;`;
}

const v1 = `
CREATE TABLE requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('SUCCESS', 'WARNING', 'ERROR')),
  error_type TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  total_tokens INTEGER NOT NULL DEFAULT 0,
  price REAL NOT NULL DEFAULT 0,
  prompt_name TEXT,
  prompt_version INTEGER,
  is_tool_call INTEGER NOT NULL DEFAULT 0,
  is_json INTEGER NOT NULL DEFAULT 0,
  group_id INTEGER,
  input_preview TEXT NOT NULL DEFAULT '',
  output_preview TEXT NOT NULL DEFAULT ''
);
CREATE INDEX requests_start ON requests (start_ms);
CREATE INDEX requests_latency ON requests (latency_ms);
CREATE INDEX requests_price ON requests (price);
CREATE INDEX requests_tokens ON requests (total_tokens);
CREATE INDEX requests_model_start ON requests (model, start_ms);
CREATE INDEX requests_provider_start ON requests (provider, start_ms);
CREATE INDEX requests_status_start ON requests (status, start_ms);
CREATE INDEX requests_prompt_start ON requests (prompt_name, start_ms);

CREATE TABLE request_bodies (
  request_id INTEGER PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
  function_name TEXT,
  api_type TEXT,
  error_message TEXT,
  prompt_id TEXT,
  prompt_input_variables TEXT,
  prompt_label TEXT,
  parameters TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT NOT NULL,
  tool_names TEXT NOT NULL,
  input_text TEXT NOT NULL,
  output_text TEXT NOT NULL
);

CREATE VIRTUAL TABLE requests_fts USING fts5 (
  input_text, output_text,
  content = 'request_bodies', content_rowid = 'request_id',
  tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
);
CREATE TRIGGER request_bodies_fts_insert AFTER INSERT ON request_bodies BEGIN
  INSERT INTO requests_fts (rowid, input_text, output_text) VALUES (new.request_id, new.input_text, new.output_text);
END;
CREATE TRIGGER request_bodies_fts_delete AFTER DELETE ON request_bodies BEGIN
  INSERT INTO requests_fts (requests_fts, rowid, input_text, output_text)
    VALUES ('delete', old.request_id, old.input_text, old.output_text);
END;

CREATE TABLE request_tags (
  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  PRIMARY KEY (request_id, tag)
) WITHOUT ROWID;
CREATE INDEX request_tags_tag_start ON request_tags (tag, start_ms, request_id);

CREATE TABLE request_metadata (
  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  PRIMARY KEY (request_id, key)
) WITHOUT ROWID;
CREATE INDEX request_metadata_key_value_start ON request_metadata (key, value, start_ms, request_id);

CREATE TABLE request_scores (
  request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 100),
  start_ms INTEGER NOT NULL,
  PRIMARY KEY (request_id, name)
) WITHOUT ROWID;
CREATE INDEX request_scores_name_start ON request_scores (name, start_ms, request_id, value);

CREATE TABLE request_groups (id INTEGER PRIMARY KEY AUTOINCREMENT, created_ms INTEGER NOT NULL);

CREATE TABLE store_state (id INTEGER PRIMARY KEY CHECK (id = 1), change_seq INTEGER NOT NULL);
INSERT INTO store_state (id, change_seq) VALUES (1, 0);

CREATE TABLE facet_counts (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  extra TEXT NOT NULL DEFAULT '',
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, value, extra)
) WITHOUT ROWID;
CREATE TABLE metadata_value_counts (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (key, value)
) WITHOUT ROWID;

CREATE TRIGGER requests_facets_delete AFTER DELETE ON requests BEGIN
  ${counterDecrement('model', 'old.model', 'old.provider')}
  ${counterDecrement('provider', 'old.provider', "''")}
  ${counterDecrement('status', 'old.status', "''")}
  ${counterDecrement('prompt', 'old.prompt_name', "''")}
END;
CREATE TRIGGER requests_facets_prompt AFTER UPDATE OF prompt_name ON requests
  WHEN old.prompt_name IS NOT new.prompt_name BEGIN
  ${counterDecrement('prompt', 'old.prompt_name', "''")}
  INSERT INTO facet_counts (kind, value, extra, n) SELECT 'prompt', new.prompt_name, '', 1
    WHERE new.prompt_name IS NOT NULL ON CONFLICT (kind, value, extra) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER request_tags_facets_delete AFTER DELETE ON request_tags BEGIN
  ${counterDecrement('tag', 'old.tag', "''")}
END;

CREATE TRIGGER request_scores_facets_delete AFTER DELETE ON request_scores BEGIN
  ${counterDecrement('score_name', 'old.name', "''")}
END;

CREATE TRIGGER request_metadata_facets_delete AFTER DELETE ON request_metadata BEGIN
  ${counterDecrement('metadata_key', 'old.key', "''")}
  UPDATE metadata_value_counts SET n = n - 1 WHERE key = old.key AND value = old.value;
  DELETE FROM metadata_value_counts WHERE key = old.key AND value = old.value AND n <= 0;
END;
CREATE TRIGGER request_metadata_facets_update AFTER UPDATE OF value ON request_metadata
  WHEN old.value IS NOT new.value BEGIN
  UPDATE metadata_value_counts SET n = n - 1 WHERE key = old.key AND value = old.value;
  DELETE FROM metadata_value_counts WHERE key = old.key AND value = old.value AND n <= 0;
  INSERT INTO metadata_value_counts (key, value, n) VALUES (new.key, new.value, 1)
    ON CONFLICT (key, value) DO UPDATE SET n = n + 1;
END;
`;

/**
 * Substring search in any script (see ../sql/text-query.ts): a trigram index over the same
 * text as the word index. detail=none keeps it small (no positions): its matches are
 * candidates that a LIKE on the stored text confirms. Rows still waiting in an interrupted bulk
 * load's backlog are left to finishBulkLoad(), which indexes them in both tables.
 */
const TRIGRAM_INSERT_TRIGGER = `CREATE TRIGGER IF NOT EXISTS request_bodies_trgm_insert AFTER INSERT ON request_bodies BEGIN
  INSERT INTO requests_trgm (rowid, input_text, output_text) VALUES (new.request_id, new.input_text, new.output_text);
END`;

const v70 = `
CREATE VIRTUAL TABLE requests_trgm USING fts5 (
  input_text, output_text,
  content = 'request_bodies', content_rowid = 'request_id',
  tokenize = 'trigram', detail = none, columnsize = 0
);
INSERT INTO requests_trgm (rowid, input_text, output_text)
  SELECT request_id, input_text, output_text FROM request_bodies
  WHERE request_id < COALESCE((SELECT from_id FROM fts_backlog WHERE id = 1), 9223372036854775807);
${TRIGRAM_INSERT_TRIGGER};
CREATE TRIGGER IF NOT EXISTS request_bodies_trgm_delete AFTER DELETE ON request_bodies BEGIN
  INSERT INTO requests_trgm (requests_trgm, rowid, input_text, output_text)
    VALUES ('delete', old.request_id, old.input_text, old.output_text);
END;
`;

/** The prompt registry: templates by name, numbered versions, release labels. */
const promptRegistry = `
CREATE TABLE IF NOT EXISTS prompt_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  tags TEXT NOT NULL DEFAULT '[]',
  latest_version INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS prompt_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  template_id INTEGER NOT NULL REFERENCES prompt_templates (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  prompt_template TEXT NOT NULL,
  metadata TEXT NOT NULL,
  commit_message TEXT,
  created_ms INTEGER NOT NULL,
  UNIQUE (template_id, version)
);
CREATE TABLE IF NOT EXISTS prompt_labels (
  template_id INTEGER NOT NULL REFERENCES prompt_templates (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  version_id INTEGER NOT NULL REFERENCES prompt_versions (id) ON DELETE CASCADE,
  PRIMARY KEY (template_id, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS prompt_labels_version ON prompt_labels (version_id);
CREATE INDEX IF NOT EXISTS prompt_labels_label ON prompt_labels (label, template_id);
`;

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'requests, bodies, full text, tags, metadata, scores, groups, facet counters',
    sql: v1,
  },
  {
    version: 2,
    name: 'full-text backlog of an interrupted bulk load',
    // While a bulk load runs without the FTS insert trigger, fts_backlog holds the first id not
    // yet indexed. Opening the database finishes whatever an interrupted load left.
    sql: 'CREATE TABLE IF NOT EXISTS fts_backlog (id INTEGER PRIMARY KEY CHECK (id = 1), from_id INTEGER NOT NULL);',
  },
  {
    version: 3,
    name: 'secondary indexes dropped by an interrupted bulk load',
    // A development build's step 2 created only fts_backlog: this step is separate so that such
    // databases (already at version 2) get the table too.
    sql: 'CREATE TABLE IF NOT EXISTS bulk_dropped_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL) WITHOUT ROWID;',
  },
  {
    version: 20,
    name: 'prompt registry: templates, versions, release labels',
    sql: promptRegistry,
    // A database made by a build that had step 30 but not this one is already numbered past it.
    idempotent: true,
  },
  {
    version: 30,
    name: 'OpenTelemetry trace and span ids of a request',
    // Partial indexes: most requests have no trace, and those rows cost nothing here.
    sql: `ALTER TABLE requests ADD COLUMN trace_id TEXT;
      ALTER TABLE requests ADD COLUMN span_id TEXT;
      CREATE INDEX requests_trace ON requests (trace_id, start_ms) WHERE trace_id IS NOT NULL;
      CREATE INDEX requests_span ON requests (span_id) WHERE span_id IS NOT NULL;`,
  },
  {
    version: 31,
    name: 'OpenTelemetry spans',
    // request_id has no foreign key: deleting requests must not scan spans; reads join instead.
    sql: `CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        trace_id TEXT NOT NULL,
        span_id TEXT NOT NULL,
        parent_span_id TEXT,
        name TEXT NOT NULL,
        kind INTEGER NOT NULL,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        status_code INTEGER NOT NULL,
        status_message TEXT,
        attributes TEXT NOT NULL,
        events TEXT NOT NULL,
        resource TEXT NOT NULL,
        scope TEXT,
        request_id INTEGER
      );
      CREATE UNIQUE INDEX spans_trace_span ON spans (trace_id, span_id);
      CREATE INDEX spans_span ON spans (span_id);`,
  },
  {
    version: 40,
    name: 'accounts, sessions, scoped API keys, annotation history, audit log',
    // Every statement is IF NOT EXISTS: safe to run on a database numbered past it.
    idempotent: true,
    sql: authTablesSql('sqlite'),
  },
  {
    version: 60,
    name: 'requests created by the sample-data generator',
    // Marked at creation, so removing sample data never touches a user's own `sample`-tagged rows.
    sql: `CREATE TABLE sample_requests (
      request_id INTEGER PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE
    ) WITHOUT ROWID;`,
  },
  { version: 70, name: 'trigram index for substring search in any script', sql: v70 },
  {
    version: 80,
    name: 'timeline rollups per hour, status, provider, model and prompt',
    // IF NOT EXISTS only, fills empty tables only: safe to run on databases numbered past it.
    idempotent: true,
    sql: timelineRollupsSql,
  },
  { version: 90, name: 'score definitions and score comments', sql: reviewTablesSql('sqlite') },
  {
    version: 110,
    name: "a deleted request's content leaves the span it came from",
    // The span keeps its place, name and times in the trace; its attributes and events held the
    // request's messages, which a delete (by hand or by retention) must not leave behind.
    sql: `CREATE INDEX spans_request ON spans (request_id) WHERE request_id IS NOT NULL;
      CREATE TRIGGER requests_spans_delete AFTER DELETE ON requests BEGIN
        UPDATE spans SET request_id = NULL, attributes = '{}', events = '[]' WHERE request_id = old.id;
      END;`,
  },
  {
    version: 120,
    name: 'review queues: items, leases, reviews, skips',
    // IF NOT EXISTS only: also runs on databases numbered past it (e.g. at main's 151 first).
    idempotent: true,
    sql: queueTablesSql('sqlite'),
  },
  {
    version: 150,
    name: 'spans in time order, for retention',
    sql: 'CREATE INDEX spans_start ON spans (start_us);',
  },
  {
    version: 151,
    name: 'full text indexed once per transaction, not per row',
    // The store indexes each transaction's new bodies in one statement (full-text-batch.ts).
    sql: `DROP TRIGGER IF EXISTS request_bodies_fts_insert;
      DROP TRIGGER IF EXISTS request_bodies_trgm_insert;`,
  },
];
