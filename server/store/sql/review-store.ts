/** The ReviewStore in SQL both adapters run unchanged (see auth-store.ts for the SqlRunner). */
import {
  definitionColumns,
  type NewScoreDefinition,
  type ScoreComment,
  type ScoreDefinition,
  scoreLabelSchema,
} from '../../../contract/score-definitions.ts';
import type { ReviewStore } from '../review-store.ts';
import type { SqlRunner } from './auth-store.ts';
import { raw, type Sql, sql } from './fragment.ts';
import type { DbRow } from './rows.ts';

const DEFINITION_COLUMNS = raw(
  'id, name, kind, description, min_value, max_value, step, labels, created_by, created_ms, archived_ms',
);
const num = (value: unknown): number => Number(value);
const labelsSchema = scoreLabelSchema.array();

function toDefinition(row: DbRow): ScoreDefinition {
  return {
    id: num(row.id),
    name: String(row.name),
    kind: row.kind as ScoreDefinition['kind'],
    description: String(row.description),
    min: num(row.min_value),
    max: num(row.max_value),
    step: num(row.step),
    labels: labelsSchema.parse(JSON.parse(String(row.labels))),
    createdBy: String(row.created_by),
    createdAt: num(row.created_ms),
    archivedAt: row.archived_ms === null || row.archived_ms === undefined ? null : num(row.archived_ms),
  };
}

export class SqlReviewStore implements ReviewStore {
  constructor(private readonly db: SqlRunner) {}

  private async one<T>(fragment: Sql, map: (row: DbRow) => T): Promise<T | null> {
    const [row] = await this.db.rows(fragment);
    return row ? map(row) : null;
  }

  async listScoreDefinitions(includeArchived: boolean): Promise<ScoreDefinition[]> {
    const where = includeArchived ? raw('') : raw('WHERE archived_ms IS NULL');
    const rows = await this.db.rows(
      sql`SELECT ${DEFINITION_COLUMNS} FROM score_definitions ${where} ORDER BY id`,
    );
    return rows.map(toDefinition);
  }

  scoreDefinitionNamed(name: string): Promise<ScoreDefinition | null> {
    return this.one(
      sql`SELECT ${DEFINITION_COLUMNS} FROM score_definitions WHERE name = ${name}
        ORDER BY CASE WHEN archived_ms IS NULL THEN 0 ELSE 1 END, id DESC LIMIT 1`,
      toDefinition,
    );
  }

  createScoreDefinition(
    definition: NewScoreDefinition,
    actor: string,
    nowMs: number,
  ): Promise<ScoreDefinition | null> {
    const { min, max, step, labels } = definitionColumns(definition);
    return this.one(
      sql`INSERT INTO score_definitions
        (name, kind, description, min_value, max_value, step, labels, created_by, created_ms)
        VALUES (${definition.name}, ${definition.kind}, ${definition.description}, ${min}, ${max}, ${step},
          ${JSON.stringify(labels)}, ${actor}, ${nowMs})
        ON CONFLICT (name) WHERE archived_ms IS NULL DO NOTHING
        RETURNING ${DEFINITION_COLUMNS}`,
      toDefinition,
    );
  }

  async archiveScoreDefinition(id: number, nowMs: number): Promise<ScoreDefinition | null> {
    await this.db.run(
      sql`UPDATE score_definitions SET archived_ms = ${nowMs} WHERE id = ${id} AND archived_ms IS NULL`,
    );
    return this.one(sql`SELECT ${DEFINITION_COLUMNS} FROM score_definitions WHERE id = ${id}`, toDefinition);
  }

  async setScoreComment(
    requestId: number,
    name: string,
    comment: string | null,
    actor: string,
    nowMs: number,
  ): Promise<void> {
    if (comment === null) {
      await this.db.run(sql`DELETE FROM score_comments WHERE request_id = ${requestId} AND name = ${name}`);
      return;
    }
    await this.db.run(
      sql`INSERT INTO score_comments (request_id, name, comment, actor, at_ms)
        VALUES (${requestId}, ${name}, ${comment}, ${actor}, ${nowMs})
        ON CONFLICT (request_id, name) DO UPDATE
        SET comment = excluded.comment, actor = excluded.actor, at_ms = excluded.at_ms`,
    );
  }

  async scoreComments(requestId: number): Promise<ScoreComment[]> {
    const rows = await this.db.rows(
      sql`SELECT name, comment, actor, at_ms FROM score_comments WHERE request_id = ${requestId} ORDER BY name`,
    );
    return rows.map((row) => ({
      name: String(row.name),
      comment: String(row.comment),
      actor: String(row.actor),
      at: num(row.at_ms),
    }));
  }
}
