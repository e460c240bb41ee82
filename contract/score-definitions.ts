/**
 * Score definitions: agreed meanings for a score name (issue #12). A definition is created and
 * archived, never edited: changing one means archiving it and creating a new one, so a value
 * given under the old meaning is never silently reinterpreted. Every kind stores an integer
 * 0–100 (the PromptLayer wire `score`): a categorical label maps to its value, boolean pass/fail
 * to 100/0. Names without an active definition stay free-form (0–100).
 */
import { z } from 'zod';
import { SCORE_NAME_MAX } from './api.ts';

export { SCORE_COMMENT_MAX } from './api.ts';

export const SCORE_KINDS = ['numeric', 'categorical', 'boolean'] as const;
export const scoreKindSchema = z.enum(SCORE_KINDS);
export type ScoreKind = z.infer<typeof scoreKindSchema>;

export const DESCRIPTION_MAX = 2000;
export const LABEL_MAX = 64;
/** Digit keys 1–9 pick a label, so at most nine. */
export const MAX_LABELS = 9;

const scoreValue = z.number().int().min(0).max(100);

export const scoreLabelSchema = z.object({
  label: z.string().trim().min(1).max(LABEL_MAX),
  value: scoreValue,
});
export type ScoreLabel = z.infer<typeof scoreLabelSchema>;

const common = {
  name: z.string().trim().min(1).max(SCORE_NAME_MAX),
  description: z.string().max(DESCRIPTION_MAX).default(''),
};

const numericSchema = z
  .object({
    ...common,
    kind: z.literal('numeric'),
    min: scoreValue.default(0),
    max: scoreValue.default(100),
    step: z.number().int().min(1).max(100).default(1),
  })
  .refine((d) => d.min < d.max, { message: 'max must be greater than min', path: ['max'] })
  .refine((d) => d.step <= d.max - d.min, { message: 'step must fit between min and max', path: ['step'] });

const categoricalSchema = z
  .object({
    ...common,
    kind: z.literal('categorical'),
    labels: z.array(scoreLabelSchema).min(2).max(MAX_LABELS),
  })
  .refine((d) => new Set(d.labels.map((l) => l.label.toLowerCase())).size === d.labels.length, {
    message: 'labels must be unique',
    path: ['labels'],
  })
  .refine((d) => new Set(d.labels.map((l) => l.value)).size === d.labels.length, {
    message: 'each label needs its own value',
    path: ['labels'],
  });

const booleanSchema = z.object({ ...common, kind: z.literal('boolean') });

/** POST /api/score-definitions */
export const newScoreDefinitionSchema = z.discriminatedUnion('kind', [
  numericSchema,
  categoricalSchema,
  booleanSchema,
]);
export type NewScoreDefinition = z.infer<typeof newScoreDefinitionSchema>;

export const BOOLEAN_LABELS: readonly ScoreLabel[] = [
  { label: 'Fail', value: 0 },
  { label: 'Pass', value: 100 },
];

export const scoreDefinitionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: scoreKindSchema,
  description: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  step: z.number().int(),
  /** Categorical: the labels in key order (key 1 = the first); boolean: Fail/Pass; numeric: []. */
  labels: z.array(scoreLabelSchema),
  createdBy: z.string(),
  createdAt: z.number().int(),
  archivedAt: z.number().int().nullable(),
});
export type ScoreDefinition = z.infer<typeof scoreDefinitionSchema>;

/** A score name in use with no active definition (one that can be adopted). */
export const freeFormScoreSchema = z.object({ name: z.string(), count: z.number().int() });

export const scoreDefinitionsResponseSchema = z.object({
  definitions: z.array(scoreDefinitionSchema),
  freeForm: z.array(freeFormScoreSchema),
});
export type ScoreDefinitionsResponse = z.infer<typeof scoreDefinitionsResponseSchema>;

export const scoreDefinitionsQuerySchema = z.object({
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const scoreCommentSchema = z.object({
  name: z.string(),
  comment: z.string(),
  actor: z.string(),
  at: z.number().int(),
});
export type ScoreComment = z.infer<typeof scoreCommentSchema>;
export const scoreCommentsResponseSchema = z.object({ comments: z.array(scoreCommentSchema) });

/** The stored form of a new definition (the same columns for every kind). */
export function definitionColumns(
  d: NewScoreDefinition,
): Pick<ScoreDefinition, 'min' | 'max' | 'step' | 'labels'> {
  if (d.kind === 'numeric') return { min: d.min, max: d.max, step: d.step, labels: [] };
  const labels = d.kind === 'boolean' ? [...BOOLEAN_LABELS] : d.labels;
  const values = labels.map((l) => l.value);
  return { min: Math.min(...values), max: Math.max(...values), step: 1, labels };
}

/** Why `value` does not fit the definition, or null when it does. */
export function scoreValueProblem(definition: ScoreDefinition, value: number): string | null {
  if (definition.kind === 'numeric') {
    if (value < definition.min || value > definition.max)
      return `${definition.name} takes a number from ${definition.min} to ${definition.max}`;
    if ((value - definition.min) % definition.step !== 0)
      return `${definition.name} moves in steps of ${definition.step} from ${definition.min}`;
    return null;
  }
  if (definition.labels.some((l) => l.value === value)) return null;
  const choices = definition.labels.map((l) => `${l.label} (${l.value})`).join(', ');
  return `${definition.name} takes one of ${choices}`;
}

/** The label shown for a stored value (categorical and boolean); null for numeric or an unknown value. */
export function labelFor(definition: ScoreDefinition, value: number): string | null {
  return definition.labels.find((l) => l.value === value)?.label ?? null;
}
