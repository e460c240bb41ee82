/**
 * Review queues: one table definition for both adapters (SQLite step 120, PostgreSQL migration
 * 120), differing only in the id and integer column types. Items, leases, reviews and skips
 * follow their request (and their queue) when it is deleted.
 */
export function queueTablesSql(dialect: 'sqlite' | 'postgres'): string {
  const id =
    dialect === 'sqlite'
      ? 'id INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  const int = dialect === 'sqlite' ? 'INTEGER' : 'bigint';
  const queue = `queue_id ${int} NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE`;
  const request = `request_id ${int} NOT NULL REFERENCES requests (id) ON DELETE CASCADE`;
  return `
CREATE TABLE IF NOT EXISTS review_queues (
  ${id},
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  definition_ids TEXT NOT NULL,
  reviewers TEXT NOT NULL,
  reviews_needed ${int} NOT NULL,
  blind ${int} NOT NULL,
  source_query TEXT,
  created_by TEXT NOT NULL,
  created_ms ${int} NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_items (
  ${queue},
  ${request},
  position ${int} NOT NULL,
  reviews ${int} NOT NULL DEFAULT 0,
  PRIMARY KEY (queue_id, request_id)
);
CREATE INDEX IF NOT EXISTS queue_items_position ON queue_items (queue_id, position);
CREATE INDEX IF NOT EXISTS queue_items_request ON queue_items (request_id, queue_id);
CREATE TABLE IF NOT EXISTS queue_leases (
  ${queue},
  ${request},
  reviewer TEXT NOT NULL,
  expires_ms ${int} NOT NULL,
  PRIMARY KEY (queue_id, request_id, reviewer)
);
CREATE INDEX IF NOT EXISTS queue_leases_reviewer ON queue_leases (queue_id, reviewer);
CREATE INDEX IF NOT EXISTS queue_leases_request ON queue_leases (request_id);
CREATE TABLE IF NOT EXISTS queue_reviews (
  ${id},
  ${queue},
  ${request},
  reviewer TEXT NOT NULL,
  score_values TEXT NOT NULL,
  previous_values TEXT NOT NULL,
  comment TEXT,
  at_ms ${int} NOT NULL,
  UNIQUE (queue_id, request_id, reviewer)
);
CREATE INDEX IF NOT EXISTS queue_reviews_reviewer ON queue_reviews (queue_id, reviewer, id);
CREATE INDEX IF NOT EXISTS queue_reviews_request ON queue_reviews (request_id);
CREATE TABLE IF NOT EXISTS queue_skips (
  ${queue},
  ${request},
  reviewer TEXT NOT NULL,
  at_ms ${int} NOT NULL,
  PRIMARY KEY (queue_id, reviewer, request_id)
);
CREATE INDEX IF NOT EXISTS queue_skips_request ON queue_skips (request_id);
`;
}
