/**
 * Statement builders for writes. A single request is one statement (the request and its tags,
 * metadata and scores through data-modifying CTEs), so it is one round trip and commits atomically.
 */

import { type Sql, sql } from '../sql/fragment.ts';
import type { NewRequest, PromptLink } from '../store.ts';

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Column arrays for `unnest`, one entry per request, in insert order. */
function columnsOf(requests: NewRequest[]) {
  return {
    provider: requests.map((r) => r.provider),
    model: requests.map((r) => r.model),
    functionName: requests.map((r) => r.functionName),
    apiType: requests.map((r) => r.apiType),
    status: requests.map((r) => r.status),
    errorType: requests.map((r) => r.errorType),
    errorMessage: requests.map((r) => r.errorMessage),
    startMs: requests.map((r) => Math.round(r.startMs)),
    endMs: requests.map((r) => Math.round(r.endMs)),
    inputTokens: requests.map((r) => r.inputTokens),
    outputTokens: requests.map((r) => r.outputTokens),
    price: requests.map((r) => r.price),
    promptName: requests.map((r) => r.promptName),
    promptId: requests.map((r) => r.promptId),
    promptVersion: requests.map((r) => r.promptVersionNumber),
    promptVariables: requests.map((r) => json(r.promptInputVariables)),
    parameters: requests.map((r) => JSON.stringify(r.parameters ?? {})),
    input: requests.map((r) => JSON.stringify(r.input ?? null)),
    output: requests.map((r) => JSON.stringify(r.output ?? null)),
    inputText: requests.map((r) => r.inputText),
    inputPreview: requests.map((r) => r.inputPreview),
    outputPreview: requests.map((r) => r.outputPreview),
    outputText: requests.map((r) => r.outputText),
    isToolCall: requests.map((r) => r.isToolCall),
    // Arrays of arrays do not survive unnest; tool names travel as JSON text.
    toolNames: requests.map((r) => JSON.stringify(r.toolNames)),
    isJson: requests.map((r) => r.isJson),
    groupId: requests.map((r) => r.groupId),
    traceId: requests.map((r) => r.traceId ?? null),
    spanId: requests.map((r) => r.spanId ?? null),
  };
}

/**
 * Inserts requests with their annotations; returns their ids in input order (column `id`,
 * with `ord` the 1-based input position).
 */
export function insertStatement(requests: NewRequest[]): Sql {
  const c = columnsOf(requests);
  const tagOrd: number[] = [];
  const tags: string[] = [];
  const metaOrd: number[] = [];
  const metaKeys: string[] = [];
  const metaValues: string[] = [];
  const scoreOrd: number[] = [];
  const scoreNames: string[] = [];
  const scoreValues: number[] = [];
  requests.forEach((request, i) => {
    for (const tag of new Set(request.tags)) {
      tagOrd.push(i + 1);
      tags.push(tag);
    }
    for (const [key, value] of Object.entries(request.metadata)) {
      metaOrd.push(i + 1);
      metaKeys.push(key);
      metaValues.push(value);
    }
    for (const [name, value] of Object.entries(request.scores)) {
      scoreOrd.push(i + 1);
      scoreNames.push(name);
      scoreValues.push(value);
    }
  });
  return sql`WITH src AS (
    SELECT * FROM unnest(
      ${c.provider}::text[], ${c.model}::text[], ${c.functionName}::text[], ${c.apiType}::text[],
      ${c.status}::text[], ${c.errorType}::text[], ${c.errorMessage}::text[], ${c.startMs}::bigint[],
      ${c.endMs}::bigint[], ${c.inputTokens}::integer[], ${c.outputTokens}::integer[],
      ${c.price}::double precision[], ${c.promptName}::text[], ${c.promptId}::text[],
      ${c.promptVersion}::integer[], ${c.promptVariables}::text[], ${c.parameters}::text[],
      ${c.input}::text[], ${c.output}::text[], ${c.inputText}::text[], ${c.outputText}::text[],
      ${c.inputPreview}::text[], ${c.outputPreview}::text[],
      ${c.isToolCall}::boolean[], ${c.toolNames}::text[], ${c.isJson}::boolean[], ${c.groupId}::bigint[],
      ${c.traceId}::text[], ${c.spanId}::text[]
    ) WITH ORDINALITY AS s(provider, model, function_name, api_type, status, error_type, error_message,
      start_ms, end_ms, input_tokens, output_tokens, price, prompt_name, prompt_id,
      prompt_version_number, prompt_input_variables, parameters, input, output, input_text,
      output_text, input_preview, output_preview, is_tool_call, tool_names, is_json, group_id,
      trace_id, span_id, ord)
  ), ins AS (
    INSERT INTO requests (provider, model, function_name, api_type, status, error_type, error_message,
      start_ms, end_ms, input_tokens, output_tokens, price, prompt_name, prompt_id,
      prompt_version_number, prompt_input_variables, parameters, input, output, input_text,
      output_text, input_preview, output_preview, is_tool_call, tool_names, is_json, group_id,
      trace_id, span_id)
    SELECT provider, model, function_name, api_type, status, error_type, error_message,
      start_ms, end_ms, input_tokens, output_tokens, price, prompt_name, prompt_id,
      prompt_version_number, prompt_input_variables, parameters, input, output, input_text,
      output_text, input_preview, output_preview, is_tool_call,
      ARRAY(SELECT json_array_elements_text(tool_names::json)), is_json, group_id,
      -- A span may have arrived before its /track-request log: the request joins that span's trace.
      coalesce(trace_id, (SELECT sp.trace_id FROM spans sp WHERE sp.span_id = src.span_id LIMIT 1)), span_id
    FROM src ORDER BY ord
    RETURNING id, start_ms
  ), ids AS (
    -- Identity values are handed out in insert order, so the nth smallest id is the nth request.
    SELECT id, start_ms, row_number() OVER (ORDER BY id) AS ord FROM ins
  ), tags AS (
    INSERT INTO request_tags (request_id, tag, start_ms)
    SELECT ids.id, x.tag, ids.start_ms FROM unnest(${tagOrd}::bigint[], ${tags}::text[]) WITH ORDINALITY AS x(ord, tag, n)
    JOIN ids ON ids.ord = x.ord ORDER BY x.n
    ON CONFLICT DO NOTHING
  ), meta AS (
    INSERT INTO request_metadata (request_id, key, value, start_ms)
    SELECT ids.id, x.key, x.value, ids.start_ms FROM unnest(${metaOrd}::bigint[], ${metaKeys}::text[], ${metaValues}::text[]) AS x(ord, key, value)
    JOIN ids ON ids.ord = x.ord
  ), scores AS (
    INSERT INTO request_scores (request_id, name, value, start_ms)
    SELECT ids.id, x.name, x.value, ids.start_ms FROM unnest(${scoreOrd}::bigint[], ${scoreNames}::text[], ${scoreValues}::smallint[]) AS x(ord, name, value)
    JOIN ids ON ids.ord = x.ord
  )
  SELECT id, ord FROM ids ORDER BY ord`;
}

export function annotationsStatement(id: number): Sql {
  return sql`SELECT
    ARRAY(SELECT t.tag FROM request_tags t WHERE t.request_id = r.id ORDER BY t.tag) AS tags,
    (SELECT coalesce(json_object_agg(m.key, m.value ORDER BY m.key), '{}') FROM request_metadata m
      WHERE m.request_id = r.id) AS metadata,
    (SELECT coalesce(json_object_agg(s.name, s.value ORDER BY s.name), '{}') FROM request_scores s
      WHERE s.request_id = r.id) AS scores
    FROM requests r WHERE r.id = ${id}::bigint`;
}

/** Locks the request against a concurrent delete for the rest of the transaction; no row = no request. */
export function lockRequestStatement(id: number): Sql {
  return sql`SELECT id FROM requests WHERE id = ${id}::bigint FOR KEY SHARE`;
}

export function upsertMetadataStatement(id: number, entries: Record<string, string>): Sql {
  const keys = Object.keys(entries);
  const values = keys.map((key) => entries[key] as string);
  return sql`INSERT INTO request_metadata (request_id, key, value, start_ms)
    SELECT r.id, k, v, r.start_ms FROM requests r, unnest(${keys}::text[], ${values}::text[]) AS x(k, v)
    WHERE r.id = ${id}::bigint ORDER BY k
    ON CONFLICT (request_id, key) DO UPDATE SET value = excluded.value`;
}

export function deleteMetadataStatement(id: number, key: string): Sql {
  return sql`DELETE FROM request_metadata WHERE request_id = ${id}::bigint AND key = ${key}`;
}

export function upsertScoreStatement(id: number, name: string, value: number): Sql {
  return sql`INSERT INTO request_scores (request_id, name, value, start_ms)
    SELECT id, ${name}, ${value}, start_ms FROM requests WHERE id = ${id}::bigint
    ON CONFLICT (request_id, name) DO UPDATE SET value = excluded.value`;
}

export function deleteScoreStatement(id: number, name: string): Sql {
  return sql`DELETE FROM request_scores WHERE request_id = ${id}::bigint AND name = ${name}`;
}

export function addTagStatement(id: number, tag: string): Sql {
  return sql`INSERT INTO request_tags (request_id, tag, start_ms)
    SELECT id, ${tag}, start_ms FROM requests WHERE id = ${id}::bigint ON CONFLICT DO NOTHING`;
}

export function removeTagStatement(id: number, tag: string): Sql {
  return sql`DELETE FROM request_tags WHERE request_id = ${id}::bigint AND tag = ${tag}`;
}

export function linkPromptStatement(id: number, link: PromptLink): Sql {
  return sql`UPDATE requests SET prompt_name = ${link.promptName},
    prompt_input_variables = ${json(link.promptInputVariables)},
    prompt_version_number = ${link.versionNumber}, prompt_label = ${link.label}
    WHERE id = ${id}::bigint`;
}

export function setGroupStatement(id: number, groupId: number): Sql {
  return sql`UPDATE requests SET group_id = ${groupId}::bigint WHERE id = ${id}::bigint`;
}

export function createGroupStatement(): Sql {
  return sql`INSERT INTO request_groups DEFAULT VALUES RETURNING id`;
}
