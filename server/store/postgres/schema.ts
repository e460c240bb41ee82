/**
 * The PostgreSQL schema as versioned migrations (applied by migrate.ts). Never edit a shipped
 * migration: add a new version.
 *
 * Shape (mirrors the SQLite adapter): one `requests` row per logged call, with derived search
 * columns and short previews so list pages never touch the TOASTed payloads; tags, metadata and
 * scores in their own tables (per-key / per-name upserts); a change sequence for the live probe;
 * and facet counts kept by statement-level triggers in a table sharded by backend, so concurrent
 * ingest never queues on one hot counter row.
 */
import { authTablesSql } from '../sql/auth-schema.ts';
import { queueTablesSql } from '../sql/queue-schema.ts';
import { reviewTablesSql } from '../sql/review-schema.ts';
import { timelineRollupsSql } from './timeline-schema.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Characters of each text indexed for `q` (a tsvector holds at most 1 MB). */
export const SEARCH_CHARS = 100_000;
/** The text the pg_trgm index covers (and substring search reads), optionally of table alias `alias`. */
export const SUBSTRING_SEARCH_TEXT = (alias = ''): string => {
  const a = alias ? `${alias}.` : '';
  return `(left(${a}input_text, ${SEARCH_CHARS}) || ' ' || left(${a}output_text, ${SEARCH_CHARS}))`;
};

/** Facet counters are spread over this many rows per value (by backend pid). */
export const FACET_SHARDS = 16;

const tables = `
CREATE SEQUENCE change_seq;

CREATE TABLE requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text COLLATE "C" NOT NULL,
  model text COLLATE "C" NOT NULL,
  function_name text,
  api_type text,
  status text COLLATE "C" NOT NULL CHECK (status IN ('SUCCESS', 'WARNING', 'ERROR')),
  error_type text,
  error_message text,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL,
  latency_ms bigint GENERATED ALWAYS AS (end_ms - start_ms) STORED,
  input_tokens integer NOT NULL,
  output_tokens integer NOT NULL,
  total_tokens bigint GENERATED ALWAYS AS (input_tokens::bigint + output_tokens) STORED,
  price double precision NOT NULL,
  prompt_name text COLLATE "C",
  prompt_id text,
  prompt_version_number integer,
  prompt_input_variables text,
  prompt_label text,
  parameters text NOT NULL,
  input text NOT NULL,
  output text NOT NULL,
  input_text text NOT NULL,
  output_text text NOT NULL,
  input_preview text NOT NULL,
  output_preview text NOT NULL,
  is_tool_call boolean NOT NULL,
  tool_names text[] NOT NULL,
  is_json boolean NOT NULL,
  group_id bigint,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, left(input_text, ${SEARCH_CHARS}) || ' ' || left(output_text, ${SEARCH_CHARS}))
  ) STORED
);

CREATE INDEX requests_time ON requests (start_ms, id);
CREATE INDEX requests_latency ON requests (latency_ms, id);
CREATE INDEX requests_cost ON requests (price, id);
CREATE INDEX requests_tokens ON requests (total_tokens, id);
CREATE INDEX requests_model_time ON requests (model, start_ms, id);
CREATE INDEX requests_provider_time ON requests (provider, start_ms, id);
CREATE INDEX requests_status_time ON requests (status, start_ms, id);
CREATE INDEX requests_prompt_time ON requests (prompt_name, start_ms, id) WHERE prompt_name IS NOT NULL;
CREATE INDEX requests_search ON requests USING gin (search);

CREATE TABLE request_tags (
  request_id bigint NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  tag text COLLATE "C" NOT NULL,
  PRIMARY KEY (request_id, tag)
);
CREATE INDEX request_tags_tag ON request_tags (tag, request_id);

-- Values can be 64 kB, past a btree entry's limit: the index holds a prefix, queries recheck.
CREATE TABLE request_metadata (
  request_id bigint NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (request_id, key)
);
CREATE INDEX request_metadata_key_value ON request_metadata (key, left(value, 200), request_id);

CREATE TABLE request_scores (
  request_id bigint NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  name text COLLATE "C" NOT NULL,
  value smallint NOT NULL CHECK (value BETWEEN 0 AND 100),
  PRIMARY KEY (request_id, name)
);
CREATE INDEX request_scores_name_value ON request_scores (name, value, request_id);

CREATE TABLE request_groups (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
`;

/** Facet kinds each table feeds, as (kind, value expression, extra expression, row filter). */
const FACET_SOURCES: Record<string, [string, string, string, string][]> = {
  requests: [
    ['model', 'model', 'provider', 'true'],
    ['provider', 'provider', "''", 'true'],
    ['status', 'status', "''", 'true'],
    ['prompt', 'prompt_name', "''", 'prompt_name IS NOT NULL'],
  ],
  request_tags: [['tag', 'tag', "''", 'true']],
  request_metadata: [['metadata_key', 'key', "''", 'true']],
  request_scores: [['score_name', 'name', "''", 'true']],
};

/**
 * One trigger function per table and operation: it adds the signed counts of the statement's
 * transition table(s) to this backend's shard. Rows are upserted in a fixed order so that two
 * transactions on the same shard never wait on each other in opposite orders.
 */
/** A statement trigger's REFERENCING clause: the rows the statement inserted, deleted or both. */
function transitionTables(op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  if (op === 'INSERT') return 'NEW TABLE AS new_rows';
  return op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
}

function facetTrigger(table: string, op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  const sources = FACET_SOURCES[table] ?? [];
  const changed =
    op === 'INSERT'
      ? ['new_rows', '1']
      : op === 'DELETE'
        ? ['old_rows', '-1']
        : ['new_rows', '1', 'old_rows', '-1'];
  const selects: string[] = [];
  for (let i = 0; i < changed.length; i += 2) {
    for (const [kind, value, extra, where] of sources) {
      selects.push(
        `SELECT '${kind}'::text AS kind, ${value}::text AS value, ${extra}::text AS extra, ${changed[i + 1]} AS n FROM ${changed[i]} WHERE ${where}`,
      );
    }
  }
  const fn = `${table}_facets_${op.toLowerCase()}`;
  const referencing = transitionTables(op);
  return `
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO facet_counts AS f (kind, value, extra, shard, n)
  SELECT kind, value, extra, (pg_backend_pid() % ${FACET_SHARDS})::smallint, sum(n)
  FROM (${selects.join('\n    UNION ALL ')}) d
  GROUP BY kind, value, extra
  HAVING sum(n) <> 0
  ORDER BY kind, value, extra
  ON CONFLICT (kind, value, extra, shard) DO UPDATE SET n = f.n + excluded.n;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER ${fn} AFTER ${op} ON ${table} REFERENCING ${referencing}
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

const facets = `
CREATE TABLE facet_counts (
  kind text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  extra text COLLATE "C" NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (kind, value, extra, shard)
);
${facetTrigger('requests', 'INSERT')}
${facetTrigger('requests', 'DELETE')}
${facetTrigger('requests', 'UPDATE')}
${['request_tags', 'request_metadata', 'request_scores']
  .map((table) => `${facetTrigger(table, 'INSERT')}\n${facetTrigger(table, 'DELETE')}`)
  .join('\n')}

CREATE FUNCTION bump_change_seq() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM nextval('change_seq');
  RETURN NULL;
END
$fn$;
${['requests', 'request_tags', 'request_metadata', 'request_scores']
  .map(
    (table) =>
      `CREATE TRIGGER ${table}_change_seq AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_change_seq();`,
  )
  .join('\n')}
`;

/**
 * Side tables carry a copy of the request's start time (it never changes), so that a tag,
 * metadata or score filter on the time-sorted list is one ordered index range read from the
 * side table instead of every matching request fetched and sorted.
 */
const sideStartTimes = `
ALTER TABLE request_tags ADD COLUMN start_ms bigint;
ALTER TABLE request_metadata ADD COLUMN start_ms bigint;
ALTER TABLE request_scores ADD COLUMN start_ms bigint;
UPDATE request_tags t SET start_ms = r.start_ms FROM requests r WHERE r.id = t.request_id;
UPDATE request_metadata m SET start_ms = r.start_ms FROM requests r WHERE r.id = m.request_id;
UPDATE request_scores s SET start_ms = r.start_ms FROM requests r WHERE r.id = s.request_id;
ALTER TABLE request_tags ALTER COLUMN start_ms SET NOT NULL;
ALTER TABLE request_metadata ALTER COLUMN start_ms SET NOT NULL;
ALTER TABLE request_scores ALTER COLUMN start_ms SET NOT NULL;
DROP INDEX request_tags_tag;
CREATE INDEX request_tags_tag_start ON request_tags (tag, start_ms, request_id);
DROP INDEX request_metadata_key_value;
CREATE INDEX request_metadata_key_value_start ON request_metadata (key, left(value, 200), start_ms, request_id);
CREATE INDEX request_scores_name_start ON request_scores (name, start_ms, request_id, value);
`;

/**
 * How many requests carry each metadata value, for the filter's value autocomplete: kept by
 * triggers like facet_counts (sharded by backend), looked up by key and value prefix. Values
 * are unbounded, so uniqueness goes through md5(value) and the prefix index holds 200 characters.
 */
const metadataValueCounts = `
CREATE TABLE metadata_value_counts (
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  shard smallint NOT NULL,
  n bigint NOT NULL
);
CREATE UNIQUE INDEX metadata_value_counts_unique ON metadata_value_counts (key, md5(value), shard);
CREATE INDEX metadata_value_counts_prefix ON metadata_value_counts (key, left(value, 200));
INSERT INTO metadata_value_counts (key, value, shard, n)
  SELECT key, value, 0, count(*) FROM request_metadata GROUP BY key, value;
${metadataValueTrigger('INSERT')}
${metadataValueTrigger('DELETE')}
${metadataValueTrigger('UPDATE')}
`;

function metadataValueTrigger(op: 'INSERT' | 'DELETE' | 'UPDATE'): string {
  const fn = `request_metadata_values_${op.toLowerCase()}`;
  const sources =
    op === 'INSERT'
      ? 'SELECT key, value, 1 AS n FROM new_rows'
      : op === 'DELETE'
        ? 'SELECT key, value, -1 AS n FROM old_rows'
        : 'SELECT key, value, 1 AS n FROM new_rows UNION ALL SELECT key, value, -1 FROM old_rows';
  const referencing = transitionTables(op);
  return `
CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO metadata_value_counts AS c (key, value, shard, n)
  SELECT key, value, (pg_backend_pid() % ${FACET_SHARDS})::smallint, sum(n)
  FROM (${sources}) d
  GROUP BY key, value
  HAVING sum(n) <> 0
  ORDER BY key, md5(value)
  ON CONFLICT (key, md5(value), shard) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER ${fn} AFTER ${op} ON request_metadata REFERENCING ${referencing}
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
}

/**
 * Substring search in any script: a pg_trgm GIN index over the first SEARCH_CHARS characters
 * of each text. pg_trgm ships with PostgreSQL and is a trusted extension (a user with CREATE on
 * the database may create it). When it is already installed in some schema, that one is used;
 * when it cannot be created, the server still works and substring search reads without the
 * index (a warning says so).
 */
const substringIndex = `
DO $do$
DECLARE
  trgm_schema text;
BEGIN
  SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  IF trgm_schema IS NULL THEN
    BEGIN
      CREATE EXTENSION pg_trgm;
      SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    EXCEPTION WHEN others THEN
      RAISE WARNING 'promptlog: pg_trgm is not available (%): substring search will read without an index', SQLERRM;
    END;
  END IF;
  IF trgm_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX requests_substring ON requests USING gin (%s %I.gin_trgm_ops)',
      $q$${SUBSTRING_SEARCH_TEXT()}$q$, trgm_schema);
  END IF;
END
$do$;
`;

/** The prompt registry: templates by name, numbered versions, release labels. */
const promptRegistry = `
CREATE TABLE prompt_templates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  tags text NOT NULL DEFAULT '[]',
  latest_version integer NOT NULL DEFAULT 0,
  created_ms bigint NOT NULL
);
CREATE TABLE prompt_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  template_id bigint NOT NULL REFERENCES prompt_templates (id) ON DELETE CASCADE,
  version integer NOT NULL,
  prompt_template text NOT NULL,
  metadata text NOT NULL,
  commit_message text,
  created_ms bigint NOT NULL,
  UNIQUE (template_id, version)
);
CREATE TABLE prompt_labels (
  template_id bigint NOT NULL REFERENCES prompt_templates (id) ON DELETE CASCADE,
  label text COLLATE "C" NOT NULL,
  version_id bigint NOT NULL REFERENCES prompt_versions (id) ON DELETE CASCADE,
  PRIMARY KEY (template_id, label)
);
CREATE INDEX prompt_labels_version ON prompt_labels (version_id);
CREATE INDEX prompt_labels_label ON prompt_labels (label, template_id);
`;

/**
 * The change counter moves only when a statement changed rows: one trigger per event with its
 * transition table (PostgreSQL allows a transition table only on a single-event trigger), which
 * bumps the sequence when the table is not empty. A delete or tag removal that matched nothing
 * no longer tells every open dashboard that something changed.
 */
const changeSeqOnlyOnChange = `
CREATE FUNCTION bump_change_seq_if_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN PERFORM nextval('change_seq'); END IF;
  RETURN NULL;
END
$fn$;
${['requests', 'request_tags', 'request_metadata', 'request_scores']
  .map((table) =>
    [
      `DROP TRIGGER ${table}_change_seq ON ${table};`,
      ...(['INSERT', 'UPDATE', 'DELETE'] as const).map(
        (event) =>
          `CREATE TRIGGER ${table}_change_seq_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_change_seq_if_rows();`,
      ),
    ].join('\n'),
  )
  .join('\n')}
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'requests, tags, metadata, scores, groups', sql: tables },
  { version: 2, name: 'facet counters and change sequence triggers', sql: facets },
  {
    version: 3,
    name: 'start time on tags, metadata and scores for time-ordered filters',
    sql: sideStartTimes,
  },
  { version: 4, name: 'metadata value counts for autocomplete', sql: metadataValueCounts },
  { version: 20, name: 'prompt registry: templates, versions, release labels', sql: promptRegistry },
  {
    version: 30,
    name: 'OpenTelemetry trace and span ids of a request',
    // Nullable columns without a default: adding them rewrites nothing. Partial indexes skip the
    // (many) requests that belong to no trace.
    sql: `ALTER TABLE requests ADD COLUMN trace_id text COLLATE "C", ADD COLUMN span_id text COLLATE "C";
      CREATE INDEX requests_trace ON requests (trace_id, start_ms) WHERE trace_id IS NOT NULL;
      CREATE INDEX requests_span ON requests (span_id) WHERE span_id IS NOT NULL;`,
  },
  {
    version: 31,
    name: 'OpenTelemetry spans',
    // request_id has no foreign key: deleting requests must not scan spans; reads join instead.
    sql: `CREATE TABLE spans (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        trace_id text COLLATE "C" NOT NULL,
        span_id text COLLATE "C" NOT NULL,
        parent_span_id text COLLATE "C",
        name text NOT NULL,
        kind smallint NOT NULL,
        start_us bigint NOT NULL,
        end_us bigint NOT NULL,
        status_code smallint NOT NULL,
        status_message text,
        attributes text NOT NULL,
        events text NOT NULL,
        resource text NOT NULL,
        scope text,
        request_id bigint
      );
      CREATE UNIQUE INDEX spans_trace_span ON spans (trace_id, span_id);
      CREATE INDEX spans_span ON spans (span_id);`,
  },
  {
    version: 40,
    name: 'accounts, sessions, scoped API keys, annotation history, audit log',
    sql: authTablesSql('postgres'),
  },
  { version: 50, name: 'change sequence moves only when rows change', sql: changeSeqOnlyOnChange },
  {
    version: 60,
    name: 'requests created by the sample-data generator',
    // Marked at creation, so removing sample data never touches a user's own `sample`-tagged rows.
    sql: `CREATE TABLE sample_requests (
      request_id bigint PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE
    );`,
  },
  { version: 70, name: 'pg_trgm index for substring search in any script', sql: substringIndex },
  {
    version: 80,
    name: 'timeline rollups per hour, status, provider, model and prompt',
    sql: timelineRollupsSql,
  },
  { version: 90, name: 'score definitions and score comments', sql: reviewTablesSql('postgres') },
  {
    version: 110,
    name: "a deleted request's content leaves the span it came from",
    // As on SQLite (step 110); one statement per DELETE, joined on the deleted rows.
    sql: `CREATE INDEX spans_request ON spans (request_id) WHERE request_id IS NOT NULL;
      CREATE FUNCTION requests_spans_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE spans s SET request_id = NULL, attributes = '{}', events = '[]'
        FROM deleted_rows d WHERE s.request_id = d.id;
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER requests_spans_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS deleted_rows
        FOR EACH STATEMENT EXECUTE FUNCTION requests_spans_delete();`,
  },
  { version: 120, name: 'review queues: items, leases, reviews, skips', sql: queueTablesSql('postgres') },
  {
    version: 150,
    name: 'spans in time order, for retention',
    sql: 'CREATE INDEX spans_start ON spans (start_us, id);',
  },
];
