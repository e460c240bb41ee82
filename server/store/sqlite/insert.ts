/** Writing one request (row, body, full text, tags, metadata, scores) with cached statements. */
import type { NewRequest } from '../store.ts';
import { encodeBody } from './body-codec.ts';
import type { CounterDeltas } from './counters.ts';
import type { Statements } from './statements.ts';

const INSERT_REQUEST = `INSERT INTO requests (start_ms, end_ms, latency_ms, provider, model, status, error_type,
  input_tokens, output_tokens, total_tokens, price, prompt_name, prompt_version, is_tool_call, is_json, group_id,
  input_preview, output_preview, trace_id, span_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
  coalesce(?, (SELECT s.trace_id FROM spans s WHERE s.span_id = ? LIMIT 1)), ?)`;
const INSERT_BODY = `INSERT INTO request_bodies (request_id, function_name, api_type, error_message, prompt_id,
  prompt_input_variables, parameters, input, output, tool_names, input_text, output_text)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const INSERT_TAG = 'INSERT OR IGNORE INTO request_tags (request_id, tag, start_ms) VALUES (?, ?, ?)';
export const UPSERT_METADATA = `INSERT INTO request_metadata (request_id, key, value, start_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (request_id, key) DO UPDATE SET value = excluded.value`;
export const UPSERT_SCORE = `INSERT INTO request_scores (request_id, name, value, start_ms) VALUES (?, ?, ?, ?)
  ON CONFLICT (request_id, name) DO UPDATE SET value = excluded.value`;
export const BUMP_CHANGE_SEQ = 'UPDATE store_state SET change_seq = change_seq + 1 WHERE id = 1';

const json = (value: unknown): string => JSON.stringify(value ?? null);
const int = (value: number): number => Math.max(0, Math.round(value));

type Param = string | number | null | Uint8Array;

/**
 * One request as bound parameters: plain strings, numbers and bytes, so it can be computed in another
 * thread (the bulk seed) and passed over cheaply. Everything but the SQL itself happens here.
 */
export interface InsertRow {
  request: Param[];
  body: Param[];
  startMs: number;
  latencyMs: number;
  price: number;
  model: string;
  provider: string;
  status: string;
  promptName: string | null;
  tags: string[];
  metadata: [string, string][];
  scores: [string, number][];
}

export function toInsertRow(request: NewRequest): InsertRow {
  const inputTokens = int(request.inputTokens);
  const outputTokens = int(request.outputTokens);
  return {
    request: [
      request.startMs,
      request.endMs,
      Math.max(0, request.endMs - request.startMs),
      request.provider,
      request.model,
      request.status,
      request.errorType,
      inputTokens,
      outputTokens,
      inputTokens + outputTokens,
      Math.max(request.price, 0),
      request.promptName,
      request.promptVersionNumber,
      request.isToolCall ? 1 : 0,
      request.isJson ? 1 : 0,
      request.groupId,
      request.inputPreview,
      request.outputPreview,
      // A span may have arrived before its /track-request log: the request joins that span's trace.
      request.traceId ?? null,
      request.spanId ?? null,
      request.spanId ?? null,
    ],
    body: [
      request.functionName,
      request.apiType,
      request.errorMessage,
      request.promptId,
      request.promptInputVariables === null ? null : json(request.promptInputVariables),
      encodeBody(json(request.parameters ?? {})),
      encodeBody(json(request.input)),
      encodeBody(json(request.output)),
      json(request.toolNames),
      request.inputText,
      request.outputText,
    ],
    startMs: request.startMs,
    latencyMs: Math.max(0, request.endMs - request.startMs),
    price: Math.max(request.price, 0),
    model: request.model,
    provider: request.provider,
    status: request.status,
    promptName: request.promptName,
    tags: request.tags,
    metadata: Object.entries(request.metadata),
    scores: Object.entries(request.scores),
  };
}

/**
 * Inserts one request; the caller owns the transaction and flushes `counters` before commit.
 * Counters are recorded only once every statement succeeded. Returns the new id.
 */
export function insertOne(statements: Statements, request: NewRequest, counters: CounterDeltas): number {
  return insertRow(statements, toInsertRow(request), counters);
}

/** A compressed body that crossed a worker boundary arrives as a plain Uint8Array; SQLite binds Buffers. */
const asBindable = (value: Param): string | number | null | Buffer =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

export function insertRow(statements: Statements, row: InsertRow, counters: CounterDeltas): number {
  const result = statements.prepare(INSERT_REQUEST).run(...row.request);
  const id = Number(result.lastInsertRowid);
  statements.prepare(INSERT_BODY).run(id, ...row.body.map(asBindable));
  counters.fullText.add(id);
  const newTags: string[] = [];
  if (row.tags.length > 0) {
    const insertTag = statements.prepare(INSERT_TAG);
    for (const tag of row.tags) if (insertTag.run(id, tag, row.startMs).changes > 0) newTags.push(tag);
  }
  if (row.metadata.length > 0) {
    const upsert = statements.prepare(UPSERT_METADATA);
    for (const [key, value] of row.metadata) upsert.run(id, key, value, row.startMs);
  }
  if (row.scores.length > 0) {
    const upsert = statements.prepare(UPSERT_SCORE);
    for (const [name, value] of row.scores) upsert.run(id, name, value, row.startMs);
  }
  counters.timeline.add(row);
  counters.facet('model', row.model, row.provider);
  counters.facet('provider', row.provider);
  counters.facet('status', row.status);
  if (row.promptName !== null) counters.facet('prompt', row.promptName);
  for (const tag of newTags) counters.facet('tag', tag);
  for (const [key, value] of row.metadata) counters.metadata(key, value);
  for (const [name] of row.scores) counters.facet('score_name', name);
  return id;
}
