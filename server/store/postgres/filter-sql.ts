/**
 * The dashboard filter (contract/api.ts RequestFilter) as a PostgreSQL WHERE clause over
 * `requests r`. Every value is bound; only column names chosen here reach the SQL text.
 */
import type { RequestFilter } from '../../../contract/api.ts';
import { and, raw, type Sql, sql } from '../sql/fragment.ts';
import { tsqueryText } from './dialect.ts';

/** Characters of a metadata value held in its index (values can be far longer). */
export const METADATA_INDEX_CHARS = 200;

export function filterConditions(filter: RequestFilter): Sql[] {
  const parts: Sql[] = [];
  if (filter.models.length > 0) parts.push(sql`r.model = ANY(${filter.models}::text[])`);
  if (filter.providers.length > 0) parts.push(sql`r.provider = ANY(${filter.providers}::text[])`);
  if (filter.statuses.length > 0) parts.push(sql`r.status = ANY(${filter.statuses}::text[])`);
  if (filter.promptNames.length > 0) parts.push(sql`r.prompt_name = ANY(${filter.promptNames}::text[])`);
  if (filter.tags.length > 0) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM request_tags t WHERE t.request_id = r.id AND t.tag = ANY(${filter.tags}::text[]))`,
    );
  }
  for (const { key, values } of filter.metadata) {
    const prefixes = [...new Set(values.map((value) => value.slice(0, METADATA_INDEX_CHARS)))];
    parts.push(sql`EXISTS (SELECT 1 FROM request_metadata m WHERE m.request_id = r.id AND m.key = ${key}
      AND left(m.value, ${raw(String(METADATA_INDEX_CHARS))}) = ANY(${prefixes}::text[])
      AND m.value = ANY(${values}::text[]))`);
  }
  for (const { name, min, max } of filter.scores) {
    const bounds: Sql[] = [];
    if (min !== undefined) bounds.push(sql`s.value >= ${min}`);
    if (max !== undefined) bounds.push(sql`s.value <= ${max}`);
    parts.push(
      sql`EXISTS (SELECT 1 FROM request_scores s WHERE s.request_id = r.id AND s.name = ${name} AND ${and(bounds)})`,
    );
  }
  if (filter.from !== undefined) parts.push(sql`r.start_ms >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`r.start_ms < ${filter.to}`);
  if (filter.q !== undefined) {
    const query = tsqueryText(filter.q);
    // Text with no words at all (only punctuation) matches nothing rather than everything.
    parts.push(query ? sql`r.search @@ to_tsquery('simple', ${query})` : raw('false'));
  }
  return parts;
}

export function filterWhere(filter: RequestFilter): Sql {
  return and(filterConditions(filter));
}
