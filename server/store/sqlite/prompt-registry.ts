/** The prompt registry on SQLite (tables from migration step 20). */
import type Database from 'better-sqlite3';
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

interface TemplateRow {
  id: number;
  name: string;
  tags: string;
  latest_version: number;
}

interface VersionRow {
  id: number;
  version: number;
  prompt_template: string;
  metadata: string;
  commit_message: string | null;
  created_ms: number;
}

const VERSION_COLUMNS = 'id, version, prompt_template, metadata, commit_message, created_ms';

export class SqlitePromptRegistry implements PromptRegistry {
  constructor(private readonly db: Database.Database) {}

  private templateBy(identifier: string): TemplateRow | undefined {
    const byName = this.db
      .prepare('SELECT id, name, tags, latest_version FROM prompt_templates WHERE name = ?')
      .get(identifier) as TemplateRow | undefined;
    if (byName || !isNumericId(identifier)) return byName;
    return this.db
      .prepare('SELECT id, name, tags, latest_version FROM prompt_templates WHERE id = ?')
      .get(Number(identifier)) as TemplateRow | undefined;
  }

  private labelsOf(versionId: number): string[] {
    const rows = this.db
      .prepare('SELECT label FROM prompt_labels WHERE version_id = ? ORDER BY label')
      .all(versionId) as { label: string }[];
    return rows.map((row) => row.label);
  }

  private record(template: TemplateRow, version: VersionRow): PromptVersionRecord {
    return {
      templateId: template.id,
      name: template.name,
      tags: JSON.parse(template.tags) as string[],
      versionId: version.id,
      version: version.version,
      template: JSON.parse(version.prompt_template) as Record<string, unknown>,
      metadata: JSON.parse(version.metadata) as Record<string, unknown>,
      commitMessage: version.commit_message,
      labels: this.labelsOf(version.id),
      createdMs: version.created_ms,
    };
  }

  async publish(input: NewPromptVersion): Promise<PromptVersionRecord> {
    const now = Date.now();
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO prompt_templates (name, tags, created_ms) VALUES (?, ?, ?)
             ON CONFLICT (name) DO NOTHING`,
          )
          .run(input.name, JSON.stringify(input.tags ?? []), now);
        if (input.tags !== null) {
          this.db
            .prepare('UPDATE prompt_templates SET tags = ? WHERE name = ?')
            .run(JSON.stringify(input.tags), input.name);
        }
        const template = this.db
          .prepare(
            'UPDATE prompt_templates SET latest_version = latest_version + 1 WHERE name = ? RETURNING id, name, tags, latest_version',
          )
          .get(input.name) as TemplateRow;
        const version = this.db
          .prepare(
            `INSERT INTO prompt_versions (template_id, version, prompt_template, metadata, commit_message, created_ms)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING ${VERSION_COLUMNS}`,
          )
          .get(
            template.id,
            template.latest_version,
            JSON.stringify(input.template),
            JSON.stringify(input.metadata),
            input.commitMessage,
            now,
          ) as VersionRow;
        const moveLabel = this.db.prepare(
          `INSERT INTO prompt_labels (template_id, label, version_id) VALUES (?, ?, ?)
           ON CONFLICT (template_id, label) DO UPDATE SET version_id = excluded.version_id`,
        );
        for (const label of new Set(input.labels)) moveLabel.run(template.id, label, version.id);
        return this.record(template, version);
      })
      .immediate();
  }

  async find(identifier: string, selector: VersionSelector): Promise<PromptLookup> {
    const template = this.templateBy(identifier);
    if (!template) return { found: false, missing: 'template' };
    let version: VersionRow | undefined;
    if (selector.label !== undefined) {
      version = this.db
        .prepare(
          `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE id =
             (SELECT version_id FROM prompt_labels WHERE template_id = ? AND label = ?)`,
        )
        .get(template.id, selector.label) as VersionRow | undefined;
      if (!version) return { found: false, missing: 'label' };
    } else {
      version = this.db
        .prepare(`SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE template_id = ? AND version = ?`)
        .get(template.id, selector.version ?? template.latest_version) as VersionRow | undefined;
      if (!version) return { found: false, missing: 'version' };
    }
    return { found: true, record: this.record(template, version) };
  }

  async list(query: PromptListQuery): Promise<{ items: PromptTemplateSummary[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.label !== undefined) {
      where.push('EXISTS (SELECT 1 FROM prompt_labels l WHERE l.template_id = t.id AND l.label = ?)');
      params.push(query.label);
    }
    if (query.name) {
      where.push('instr(lower(t.name), lower(?)) > 0');
      params.push(query.name);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM prompt_templates t ${clause}`)
      .get(...params) as {
      total: number;
    };
    const templates = this.db
      .prepare(
        `SELECT t.id, t.name, t.tags, t.latest_version FROM prompt_templates t ${clause}
         ORDER BY t.name LIMIT ? OFFSET ?`,
      )
      .all(...params, query.perPage, (query.page - 1) * query.perPage) as TemplateRow[];
    const items = templates.map((template) => this.summary(template, query.label));
    return { items, total };
  }

  private summary(template: TemplateRow, label: string | undefined): PromptTemplateSummary {
    const version = (
      label === undefined
        ? this.db
            .prepare(`SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE template_id = ? AND version = ?`)
            .get(template.id, template.latest_version)
        : this.db
            .prepare(
              `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE id =
                 (SELECT version_id FROM prompt_labels WHERE template_id = ? AND label = ?)`,
            )
            .get(template.id, label)
    ) as VersionRow;
    const labels = this.db
      .prepare(
        `SELECT l.label, v.version FROM prompt_labels l JOIN prompt_versions v ON v.id = l.version_id
         WHERE l.template_id = ? ORDER BY l.label`,
      )
      .all(template.id) as { label: string; version: number }[];
    const count = this.db
      .prepare(`SELECT n FROM facet_counts WHERE kind = 'prompt' AND value = ? AND extra = ''`)
      .get(template.name) as { n: number } | undefined;
    const versionCount = this.db
      .prepare('SELECT count(*) AS n FROM prompt_versions WHERE template_id = ?')
      .get(template.id) as { n: number };
    return {
      latest: this.record(template, version),
      versionCount: versionCount.n,
      labels,
      requestCount: count?.n ?? 0,
    };
  }

  async versions(identifier: string): Promise<PromptVersionRecord[] | null> {
    const template = this.templateBy(identifier);
    if (!template) return null;
    const rows = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE template_id = ? ORDER BY version DESC LIMIT 500`,
      )
      .all(template.id) as VersionRow[];
    return rows.map((row) => this.record(template, row));
  }

  async nameOf(templateId: number): Promise<string | null> {
    const row = this.db.prepare('SELECT name FROM prompt_templates WHERE id = ?').get(templateId) as
      | { name: string }
      | undefined;
    return row?.name ?? null;
  }
}
