/**
 * One edit to a request's annotations (metadata, scores, tags), as a value: applied
 * optimistically to cached copies, sent to the server, and undone key by key on refusal.
 */
import type { AnnotationsResponse } from '../../../../contract/api.ts';

export type Annotations = Pick<AnnotationsResponse, 'tags' | 'metadata' | 'scores'>;

export type AnnotationChange =
  | { kind: 'set-metadata'; key: string; value: string }
  | { kind: 'delete-metadata'; key: string }
  | { kind: 'set-score'; name: string; value: number; comment?: string }
  | { kind: 'delete-score'; name: string }
  | { kind: 'add-tag'; tag: string }
  | { kind: 'remove-tag'; tag: string };

/** Sends a change; resolves false when the server refused it (the optimistic change is then undone). */
export type Annotate = (change: AnnotationChange) => Promise<boolean>;

export function applyChange<T extends Annotations>(target: T, change: AnnotationChange): T {
  switch (change.kind) {
    case 'set-metadata':
      return { ...target, metadata: { ...target.metadata, [change.key]: change.value } };
    case 'delete-metadata': {
      const { [change.key]: _removed, ...metadata } = target.metadata;
      return { ...target, metadata };
    }
    case 'set-score':
      return { ...target, scores: { ...target.scores, [change.name]: change.value } };
    case 'delete-score': {
      const { [change.name]: _removed, ...scores } = target.scores;
      return { ...target, scores };
    }
    case 'add-tag':
      return target.tags.includes(change.tag) ? target : { ...target, tags: [...target.tags, change.tag] };
    case 'remove-tag':
      return { ...target, tags: target.tags.filter((t) => t !== change.tag) };
  }
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Puts `old` back under the key, or removes the key when it had none. */
const restoreMetadata = (key: string, old: string | undefined): AnnotationChange =>
  old === undefined ? { kind: 'delete-metadata', key } : { kind: 'set-metadata', key, value: old };

const restoreScore = (name: string, old: number | undefined): AnnotationChange =>
  old === undefined ? { kind: 'delete-score', name } : { kind: 'set-score', name, value: old };

/**
 * The change that puts back what `change` overwrote in `before`. Undoing only the touched key
 * (rather than restoring a whole snapshot) keeps other edits made in the meantime, e.g. a
 * second quick score on another name.
 */
export function inverseChange(before: Annotations, change: AnnotationChange): AnnotationChange {
  switch (change.kind) {
    case 'set-metadata':
    case 'delete-metadata':
      return restoreMetadata(change.key, own(before.metadata, change.key));
    case 'set-score':
    case 'delete-score':
      return restoreScore(change.name, own(before.scores, change.name));
    case 'add-tag':
    case 'remove-tag':
      return before.tags.includes(change.tag)
        ? { kind: 'add-tag', tag: change.tag }
        : { kind: 'remove-tag', tag: change.tag };
  }
}

/** The dashboard API call for a change: PUT or DELETE on the key's own resource. */
export function changeRequest(
  id: number,
  change: AnnotationChange,
): { method: 'PUT' | 'DELETE'; path: string; body?: { value: string | number; comment?: string } } {
  const base = `/api/requests/${id}`;
  const seg = encodeURIComponent;
  switch (change.kind) {
    case 'set-metadata':
      return { method: 'PUT', path: `${base}/metadata/${seg(change.key)}`, body: { value: change.value } };
    case 'delete-metadata':
      return { method: 'DELETE', path: `${base}/metadata/${seg(change.key)}` };
    case 'set-score': {
      const body =
        change.comment === undefined
          ? { value: change.value }
          : { value: change.value, comment: change.comment };
      return { method: 'PUT', path: `${base}/scores/${seg(change.name)}`, body };
    }
    case 'delete-score':
      return { method: 'DELETE', path: `${base}/scores/${seg(change.name)}` };
    case 'add-tag':
      return { method: 'PUT', path: `${base}/tags/${seg(change.tag)}` };
    case 'remove-tag':
      return { method: 'DELETE', path: `${base}/tags/${seg(change.tag)}` };
  }
}

/** "set score default = 80", for error messages. */
export function describeChange(change: AnnotationChange): string {
  switch (change.kind) {
    case 'set-metadata':
      return `save metadata "${change.key}"`;
    case 'delete-metadata':
      return `remove metadata "${change.key}"`;
    case 'set-score':
      return `set score "${change.name}" to ${change.value}`;
    case 'delete-score':
      return `remove score "${change.name}"`;
    case 'add-tag':
      return `add tag "${change.tag}"`;
    case 'remove-tag':
      return `remove tag "${change.tag}"`;
  }
}
