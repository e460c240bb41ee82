/** The prompt registry on PostgreSQL (tables from migration 20). */

import {
  isNumericId,
  type NewPromptVersion,
  type PromptListQuery,
  type PromptLookup,
  type PromptRegistry,
  type PromptTemplateSummary,
  type PromptVersionRecord,
  type VersionSelector,
} from '../prompt-registry.ts';
import { type Sql, sql } from '../sql/fragment.ts';
import type { Connection, Row } from './connection.ts';

/** One row: the template's columns, one version's columns and that version's labels. */
interface RecordRow extends Row {
  template_id: string;
  name: string;
  tags: string;
  version_id: string;
  version: number;
  prompt_template: string;
  metadata: string;
  commit_message: string | null;
  created_ms: string;
  labels: string[];
}

const RECORD_COLUMNS = sql`t.id AS template_id, t.name, t.tags, v.id AS version_id, v.version, v.prompt_template,
  v.metadata, v.commit_message, v.created_ms,
  ARRAY(SELECT l.label FROM prompt_labels l WHERE l.version_id = v.id ORDER BY l.label) AS labels`;

function toRecord(row: RecordRow): PromptVersionRecord {
  return {
    templateId: Number(row.template_id),
    name: row.name,
    tags: JSON.parse(row.tags) as string[],
    versionId: Number(row.version_id),
    version: row.version,
    template: JSON.parse(row.prompt_template) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    commitMessage: row.commit_message,
    labels: row.labels,
    createdMs: Number(row.created_ms),
  };
}

/** The template by name, or by id when the identifier is all digits and no name matches. */
function templateMatch(identifier: string): Sql {
  if (!isNumericId(identifier)) return sql`t.name = ${identifier}`;
  return sql`t.id = COALESCE((SELECT id FROM prompt_templates WHERE name = ${identifier}), ${Number(identifier)})`;
}

export class PostgresPromptRegistry implements PromptRegistry {
  constructor(private readonly connection: Connection) {}

  async publish(input: NewPromptVersion): Promise<PromptVersionRecord> {
    const now = Date.now();
    return this.connection.transaction(async (run) => {
      // The upsert locks the template's row: concurrent publishes of one name number their versions in turn.
      const template = await run<{ id: string; latest_version: number }>(sql`
        INSERT INTO prompt_templates AS t (name, tags, created_ms, latest_version)
        VALUES (${input.name}, ${JSON.stringify(input.tags ?? [])}, ${now}, 1)
        ON CONFLICT (name) DO UPDATE SET latest_version = t.latest_version + 1,
          tags = COALESCE(${input.tags === null ? null : JSON.stringify(input.tags)}, t.tags)
        RETURNING id, latest_version`);
      const row0 = template.rows[0] as { id: string; latest_version: number };
      const id = Number(row0.id);
      const latest_version = row0.latest_version;
      const version = await run<{ id: string }>(sql`
        INSERT INTO prompt_versions (template_id, version, prompt_template, metadata, commit_message, created_ms)
        VALUES (${id}, ${latest_version}, ${JSON.stringify(input.template)}, ${JSON.stringify(input.metadata)},
          ${input.commitMessage}, ${now})
        RETURNING id`);
      const versionId = Number((version.rows[0] as { id: string }).id);
      const labels = [...new Set(input.labels)].sort();
      if (labels.length > 0) {
        await run(sql`
          INSERT INTO prompt_labels (template_id, label, version_id)
          SELECT ${id}, label, ${versionId} FROM unnest(${labels}::text[]) AS label
          ON CONFLICT (template_id, label) DO UPDATE SET version_id = excluded.version_id`);
      }
      const row = await run<RecordRow>(sql`
        SELECT ${RECORD_COLUMNS} FROM prompt_versions v JOIN prompt_templates t ON t.id = v.template_id
        WHERE v.id = ${versionId}`);
      return toRecord(row.rows[0] as RecordRow);
    });
  }

  async find(identifier: string, selector: VersionSelector): Promise<PromptLookup> {
    const versionMatch =
      selector.label !== undefined
        ? sql`v.id = (SELECT version_id FROM prompt_labels WHERE template_id = t.id AND label = ${selector.label})`
        : selector.version !== undefined
          ? sql`v.version = ${selector.version}`
          : sql`v.version = t.latest_version`;
    const result = await this.connection.query<RecordRow & { has_version: boolean }>(sql`
      SELECT ${RECORD_COLUMNS} FROM prompt_templates t
      LEFT JOIN prompt_versions v ON v.template_id = t.id AND ${versionMatch}
      WHERE ${templateMatch(identifier)}`);
    const row = result.rows[0];
    if (!row) return { found: false, missing: 'template' };
    if (row.version_id === null)
      return { found: false, missing: selector.label !== undefined ? 'label' : 'version' };
    return { found: true, record: toRecord(row) };
  }

  async list(query: PromptListQuery): Promise<{ items: PromptTemplateSummary[]; total: number }> {
    const conditions: Sql[] = [sql`true`];
    if (query.label !== undefined) {
      conditions.push(
        sql`EXISTS (SELECT 1 FROM prompt_labels l WHERE l.template_id = t.id AND l.label = ${query.label})`,
      );
    }
    if (query.name) conditions.push(sql`strpos(lower(t.name), lower(${query.name})) > 0`);
    const where = conditions.reduce((a, b) => sql`${a} AND ${b}`);
    const versionMatch =
      query.label !== undefined
        ? sql`v.id = (SELECT version_id FROM prompt_labels WHERE template_id = t.id AND label = ${query.label})`
        : sql`v.version = t.latest_version`;
    const [page, count] = await Promise.all([
      this.connection.query<
        RecordRow & { version_count: number; all_labels: string | null; request_count: string }
      >(sql`
        SELECT ${RECORD_COLUMNS},
          (SELECT count(*)::int FROM prompt_versions c WHERE c.template_id = t.id) AS version_count,
          (SELECT json_agg(json_build_object('label', l.label, 'version', lv.version) ORDER BY l.label)::text
             FROM prompt_labels l JOIN prompt_versions lv ON lv.id = l.version_id WHERE l.template_id = t.id) AS all_labels,
          (SELECT COALESCE(sum(n), 0) FROM facet_counts f WHERE f.kind = 'prompt' AND f.value = t.name AND f.extra = '') AS request_count
        FROM prompt_templates t JOIN prompt_versions v ON v.template_id = t.id AND ${versionMatch}
        WHERE ${where}
        ORDER BY t.name LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`),
      this.connection.query<{ total: string }>(
        sql`SELECT count(*) AS total FROM prompt_templates t WHERE ${where}`,
      ),
    ]);
    return {
      items: page.rows.map((row) => ({
        latest: toRecord(row),
        versionCount: row.version_count,
        labels: row.all_labels ? (JSON.parse(row.all_labels) as { label: string; version: number }[]) : [],
        requestCount: Number(row.request_count),
      })),
      total: Number(count.rows[0]?.total ?? 0),
    };
  }

  async versions(identifier: string): Promise<PromptVersionRecord[] | null> {
    const result = await this.connection.query<RecordRow>(sql`
      SELECT ${RECORD_COLUMNS} FROM prompt_templates t
      LEFT JOIN prompt_versions v ON v.template_id = t.id
      WHERE ${templateMatch(identifier)} ORDER BY v.version DESC LIMIT 500`);
    if (result.rows.length === 0) return null;
    return result.rows.filter((row) => row.version_id !== null).map(toRecord);
  }

  async nameOf(templateId: number): Promise<string | null> {
    if (!Number.isSafeInteger(templateId)) return null;
    const result = await this.connection.query<{ name: string }>(
      sql`SELECT name FROM prompt_templates WHERE id = ${templateId}`,
    );
    return result.rows[0]?.name ?? null;
  }
}
