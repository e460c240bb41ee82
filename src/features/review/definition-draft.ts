/**
 * The Settings form's text fields → a new score definition, checked by the contract's schema.
 * Labels are written "Bad, Okay, Great" (values spread evenly over 0–100) or "Bad=0, Okay=40,
 * Great=100" (values as given).
 */
import {
  type NewScoreDefinition,
  newScoreDefinitionSchema,
  type ScoreKind,
} from '../../../contract/score-definitions.ts';

export interface DefinitionDraft {
  name: string;
  kind: ScoreKind;
  description: string;
  min: string;
  max: string;
  step: string;
  labels: string;
}

export const emptyDraft = (name = ''): DefinitionDraft => ({
  name,
  kind: 'categorical',
  description: '',
  min: '0',
  max: '100',
  step: '1',
  labels: '',
});

export type DraftResult =
  | { ok: true; definition: NewScoreDefinition }
  | { ok: false; field: keyof DefinitionDraft; message: string };

const EXPLICIT = /^(.*?)\s*=\s*(-?\d+)$/;

export function parseLabels(text: string): { label: string; value: number }[] {
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const last = Math.max(parts.length - 1, 1);
  return parts.map((part, i) => {
    const explicit = EXPLICIT.exec(part);
    if (explicit) return { label: explicit[1] ?? '', value: Number(explicit[2]) };
    return { label: part, value: Math.round((i * 100) / last) };
  });
}

const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function parseDraft(draft: DefinitionDraft): DraftResult {
  const base = { name: draft.name, description: draft.description.trim() };
  const candidate =
    draft.kind === 'numeric'
      ? {
          ...base,
          kind: 'numeric',
          min: wholeNumber(draft.min),
          max: wholeNumber(draft.max),
          step: wholeNumber(draft.step),
        }
      : draft.kind === 'categorical'
        ? { ...base, kind: 'categorical', labels: parseLabels(draft.labels) }
        : { ...base, kind: 'boolean' };
  const parsed = newScoreDefinitionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'name') as keyof DefinitionDraft;
  const known: (keyof DefinitionDraft)[] = ['name', 'kind', 'description', 'min', 'max', 'step', 'labels'];
  const message =
    field === 'labels' && issue?.code === 'too_small'
      ? 'Give at least two labels.'
      : field === 'labels' && issue?.code === 'too_big'
        ? 'At most nine labels (keys 1–9).'
        : `${field}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, field: known.includes(field) ? field : 'name', message };
}
