/**
 * The prompt registry's storage contract: named templates, their numbered versions and release
 * labels (each label points at one version of its template). Both adapters implement it.
 */

export interface PromptVersionRecord {
  templateId: number;
  name: string;
  tags: string[];
  versionId: number;
  version: number;
  /** The prompt template (blueprint) as published: chat or completion. */
  template: Record<string, unknown>;
  /** The version's metadata, `model` ({provider, name, parameters, api_type}) among it. */
  metadata: Record<string, unknown>;
  commitMessage: string | null;
  /** Release labels that point at this version. */
  labels: string[];
  createdMs: number;
}

export interface NewPromptVersion {
  name: string;
  /** Replaces the template's tags; null keeps them. */
  tags: string[] | null;
  template: Record<string, unknown>;
  metadata: Record<string, unknown>;
  commitMessage: string | null;
  /** Labels moved to (or created on) the new version. */
  labels: string[];
}

export interface VersionSelector {
  version?: number;
  label?: string;
}

export type PromptLookup =
  | { found: true; record: PromptVersionRecord }
  | { found: false; missing: 'template' | 'version' | 'label' };

export interface PromptTemplateSummary {
  /** The latest version (or, when listing by label, the labelled one). */
  latest: PromptVersionRecord;
  versionCount: number;
  /** Every label of the template and the version number it points at. */
  labels: { label: string; version: number }[];
  /** Requests logged with this template's name. */
  requestCount: number;
}

export interface PromptListQuery {
  page: number;
  perPage: number;
  /** Only templates that have this label (and their labelled version). */
  label?: string;
  /** Case-insensitive substring of the name. */
  name?: string;
}

export interface PromptRegistry {
  publish(version: NewPromptVersion): Promise<PromptVersionRecord>;
  /** By name, else (an all-digits identifier) by id; the latest version unless a version or label is asked. */
  find(identifier: string, selector: VersionSelector): Promise<PromptLookup>;
  /** Ordered by name. */
  list(query: PromptListQuery): Promise<{ items: PromptTemplateSummary[]; total: number }>;
  /** Every version of one template, newest first; null when the template does not exist. */
  versions(identifier: string): Promise<PromptVersionRecord[] | null>;
  /** The template's name by id (for linking a tracked request), or null. */
  nameOf(templateId: number): Promise<string | null>;
}

export function isNumericId(identifier: string): boolean {
  return /^[1-9]\d{0,15}$/.test(identifier);
}
