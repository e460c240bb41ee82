/**
 * PostgreSQL result rows → the contract's shapes, through the mapping both adapters share
 * (../sql/rows.ts); only the annotations differ here: they arrive aggregated on the row
 * (ROW_COLUMNS' tags array and metadata / scores JSON objects).
 */
import type { AnnotationsResponse, RequestDetail, RequestRow } from '../../../contract/api.ts';
import { type Annotations, type DbRow, setOwn, toRequestDetail, toRequestRow } from '../sql/rows.ts';

function annotationsOf(row: DbRow): Annotations {
  const scores: Record<string, number> = {};
  for (const [name, score] of Object.entries((row.scores ?? {}) as Record<string, unknown>))
    setOwn(scores, name, Number(score));
  return {
    tags: (row.tags as string[] | null) ?? [],
    metadata: (row.metadata as Record<string, string> | null) ?? {},
    scores,
  };
}

export const toRow = (row: DbRow): RequestRow => toRequestRow(row, annotationsOf(row));

export const toDetail = (row: DbRow): RequestDetail => toRequestDetail(row, annotationsOf(row));

export const toAnnotations = (id: number, row: DbRow): AnnotationsResponse => ({ id, ...annotationsOf(row) });
