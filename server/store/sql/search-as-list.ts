/**
 * PromptLayer's search, when it asks only what the dashboard list can answer, as a list query:
 * then both stores serve it through the list's planner (keyset index walks) and its count
 * (trigger-kept counters, estimates), instead of one ad-hoc statement and a full count(*).
 * Anything else (OR groups, negations, text or numeric comparisons, deep pages) returns null
 * and keeps the general compiler of search-filter.ts.
 */
import {
  MAX_PAGE_SIZE,
  type RequestFilter,
  type SortField,
  type SortOrder,
  statusSchema,
} from '../../../contract/api.ts';
import type { SearchFilterNode } from '../../../contract/promptlayer-search.ts';
import type { SearchQuery } from '../store.ts';

export interface SearchAsList {
  filter: RequestFilter;
  sort: SortField;
  order: SortOrder;
  /** Rows of the list to skip, then to return (skip + take ≤ the list's page limit). */
  skip: number;
  take: number;
}

type Leaf = Extract<SearchFilterNode, { field: string }>;
type Fields = Omit<RequestFilter, 'metadata' | 'scores'> & { metadata: RequestFilter['metadata'] };

const LIST_SORTS: Partial<Record<SearchQuery['sortBy'], SortField>> = {
  request_start_time: 'time',
  latency_ms: 'latency',
  cost: 'cost',
};
const DAY_MS = 86_400_000;

function strings(leaf: Leaf): string[] | null {
  if (leaf.operator === 'is' || leaf.operator === 'contains') {
    return typeof leaf.value === 'string' ? [leaf.value] : null;
  }
  if (leaf.operator !== 'in' || !Array.isArray(leaf.value) || leaf.value.length === 0) return null;
  return leaf.value.every((v: unknown) => typeof v === 'string') ? (leaf.value as string[]) : null;
}

/** Epoch ms, or null for anything the general compiler should judge (and maybe refuse). */
function epochMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  return null;
}

/** request_start_time as the list's [from, to) range. */
function timeRange(leaf: Leaf): { from?: number; to?: number } | null {
  if (leaf.operator === 'after') {
    const ms = epochMs(leaf.value);
    return ms === null ? null : { from: ms + 1 };
  }
  if (leaf.operator === 'before') {
    const ms = epochMs(leaf.value);
    return ms === null ? null : { to: ms };
  }
  if (leaf.operator === 'between' && Array.isArray(leaf.value) && leaf.value.length === 2) {
    const from = epochMs(leaf.value[0]);
    const to = epochMs(leaf.value[1]);
    return from === null || to === null ? null : { from, to: to + 1 };
  }
  if (leaf.operator === 'is' && typeof leaf.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(leaf.value)) {
    const day = epochMs(leaf.value);
    return day === null ? null : { from: day, to: day + DAY_MS };
  }
  return null;
}

/** Adds one leaf to the filter; false when the list cannot express it exactly. */
function addLeaf(fields: Fields, leaf: Leaf): boolean {
  const take = (key: 'models' | 'providers' | 'tags'): boolean => {
    const values = strings(leaf);
    if (values === null || fields[key].length > 0) return false;
    if (key !== 'tags' && leaf.operator === 'contains') return false;
    fields[key] = values;
    return true;
  };
  switch (leaf.field) {
    case 'engine':
      return take('models');
    case 'provider_type':
      return take('providers');
    case 'tags':
      return leaf.operator !== 'is' && take('tags');
    case 'status': {
      const values = strings(leaf);
      if (values === null || leaf.operator === 'contains' || fields.statuses.length > 0) return false;
      const parsed = values.map((v) => statusSchema.safeParse(v));
      if (!parsed.every((p) => p.success)) return false;
      fields.statuses = parsed.map((p) => p.data as RequestFilter['statuses'][number]);
      return true;
    }
    case 'metadata': {
      const key = leaf.nested_key;
      if (typeof key !== 'string' || key === '' || fields.metadata.some((m) => m.key === key)) return false;
      if (leaf.operator !== 'key_equals' && leaf.operator !== 'in') return false;
      const values = leaf.operator === 'key_equals' ? strings({ ...leaf, operator: 'is' }) : strings(leaf);
      if (values === null) return false;
      fields.metadata.push({ key, values });
      return true;
    }
    case 'request_start_time': {
      const range = timeRange(leaf);
      if (range === null) return false;
      if (range.from !== undefined) {
        if (fields.from !== undefined) return false;
        fields.from = range.from;
      }
      if (range.to !== undefined) {
        if (fields.to !== undefined) return false;
        fields.to = range.to;
      }
      return true;
    }
    default:
      return false;
  }
}

function leavesOf(node: SearchFilterNode | null): Leaf[] | null {
  if (node === null) return [];
  if (!('filters' in node)) return [node];
  // Malformed groups go to the general compiler, which names what is wrong.
  if (!Array.isArray(node.filters) || (node.logic !== 'AND' && node.logic !== 'OR')) return null;
  if (node.logic === 'OR' && node.filters.length > 1) return null;
  const out: Leaf[] = [];
  for (const child of node.filters) {
    const leaves = leavesOf(child);
    if (leaves === null) return null;
    out.push(...leaves);
  }
  return out;
}

export function searchAsList(query: SearchQuery): SearchAsList | null {
  const sort = LIST_SORTS[query.sortBy];
  if (sort === undefined) return null;
  const skip = (Math.max(1, query.page) - 1) * query.perPage;
  if (skip + query.perPage > MAX_PAGE_SIZE) return null;
  const leaves = leavesOf(query.filterGroup);
  if (leaves === null) return null;
  const fields: Fields = {
    models: [],
    providers: [],
    statuses: [],
    tags: [],
    promptNames: [],
    metadata: [],
  };
  for (const leaf of leaves) if (!addLeaf(fields, leaf)) return null;
  if (fields.from !== undefined && fields.to !== undefined && fields.from >= fields.to) return null;
  const q = query.q?.trim();
  const filter: RequestFilter = { ...fields, scores: [], ...(q ? { q } : {}) };
  return { filter, sort, order: query.sortOrder, skip, take: query.perPage };
}
