/** The bulk dialog's fields → a BulkAction checked by the contract, and how to say what it does. */
import { type BulkAction, type BulkJobAction, bulkActionSchema } from '../../../../contract/bulk.ts';

export const BULK_KINDS = [
  ['add-tag', 'Add tag'],
  ['remove-tag', 'Remove tag'],
  ['set-metadata', 'Set metadata key'],
  ['delete-metadata', 'Remove metadata key'],
  ['set-score', 'Set score'],
  ['delete-score', 'Remove score'],
] as const;
export type BulkKind = (typeof BULK_KINDS)[number][0];

export interface BulkDraft {
  kind: BulkKind;
  /** Tag, metadata key or score name. */
  name: string;
  /** Metadata value or score value. */
  value: string;
}

export const needsValue = (kind: BulkKind) => kind === 'set-metadata' || kind === 'set-score';
export const nameLabel = (kind: BulkKind) =>
  kind.endsWith('tag') ? 'Tag' : kind.endsWith('metadata') ? 'Metadata key' : 'Score name';

export function parseBulkDraft(
  draft: BulkDraft,
): { ok: true; action: BulkAction } | { ok: false; message: string } {
  const name = draft.name.trim();
  if (name === '') return { ok: false, message: `Enter a ${nameLabel(draft.kind).toLowerCase()}.` };
  const field = draft.kind.endsWith('tag') ? 'tag' : draft.kind.endsWith('metadata') ? 'key' : 'name';
  const candidate: Record<string, unknown> = { kind: draft.kind, [field]: name };
  if (draft.kind === 'set-metadata') candidate.value = draft.value;
  if (draft.kind === 'set-score') {
    if (!/^\s*\d{1,3}\s*$/.test(draft.value) || Number(draft.value) > 100)
      return { ok: false, message: 'A score is a whole number from 0 to 100.' };
    candidate.value = Number(draft.value);
  }
  const parsed = bulkActionSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid action.' };
  return { ok: true, action: parsed.data };
}

export function describeAction(action: BulkJobAction): string {
  switch (action.kind) {
    case 'delete':
      return 'delete';
    case 'add-tag':
      return `add tag “${action.tag}”`;
    case 'remove-tag':
      return `remove tag “${action.tag}”`;
    case 'set-metadata':
      return `set ${action.key} = “${action.value}”`;
    case 'delete-metadata':
      return `remove metadata key ${action.key}`;
    case 'set-score':
      return `set score ${action.name} to ${action.value}`;
    case 'delete-score':
      return `remove score ${action.name}`;
  }
}
