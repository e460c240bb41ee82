/**
 * PromptLayer's search, when it asks only what the dashboard list can answer, as a list query:
 * then both stores serve it through the list's planner (keyset index walks) and its count
 * (trigger-kept counters, estimates), instead of one ad-hoc statement and a full count(*).
 * That covers equality and membership, negations (is_not / not_in / not_contains on engine,
 * provider_type, status, tags; metadata key_not_equals / not_in / key_contains; metadata_keys),
 * numeric comparisons on cost, latency and tokens, time ranges, and an OR group over one field that
 * is just an "in" list. Anything else (other OR groups, text comparisons, deep pages, sorts the
 * list has no index for) returns null and keeps the general compiler of search-filter.ts.
 */
import {
  type FacetExclusions,
  MAX_PAGE_SIZE,
  type MetaCondition,
  type NumericCondition,
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
type Fields = Omit<RequestFilter, 'metadata' | 'scores'> & {
  metadata: RequestFilter['metadata'];
  exclude: FacetExclusions;
  metaConditions: MetaCondition[];
  numeric: NumericCondition[];
};

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

const NUMERIC_FIELDS: Partial<Record<Leaf['field'], NumericCondition['field']>> = {
  cost: 'cost',
  latency_ms: 'latency',
  input_tokens: 'input_tokens',
  output_tokens: 'output_tokens',
};

/**
 * A numeric leaf as list conditions. Latency and token columns hold whole numbers, so a fraction
 * is rounded the way that keeps the same rows (> 10.5 is > 10, >= 10.5 is >= 11).
 */
function numericConditions(leaf: Leaf, field: NumericCondition['field']): NumericCondition[] | null {
  const whole = field !== 'cost';
  const bound = (op: NumericCondition['op'], value: unknown): NumericCondition | null => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    if (!whole || Number.isInteger(value)) return { field, op, value };
    const down = op === 'gt' || op === 'lte';
    return { field, op, value: down ? Math.floor(value) : Math.ceil(value) };
  };
  const all = (parts: (NumericCondition | null)[]) =>
    parts.every((part) => part !== null) ? (parts as NumericCondition[]) : null;
  switch (leaf.operator) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return all([bound(leaf.operator, leaf.value)]);
    case 'eq':
      return all([bound('gte', leaf.value), bound('lte', leaf.value)]);
    case 'between':
      if (!Array.isArray(leaf.value) || leaf.value.length !== 2) return null;
      return all([bound('gte', leaf.value[0]), bound('lte', leaf.value[1])]);
    // The numeric columns are NOT NULL: every request has a value.
    case 'is_not_null':
      return [];
    default:
      return null;
  }
}

/** is_not / not_in (not_contains for tags) as excluded values; null when the leaf is not a negation. */
function negatedValues(leaf: Leaf): string[] | null {
  if (leaf.operator === 'is_not' || leaf.operator === 'not_contains')
    return typeof leaf.value === 'string' ? [leaf.value] : null;
  if (leaf.operator !== 'not_in') return null;
  return strings({ ...leaf, operator: 'in' });
}

function addExclusion(fields: Fields, key: keyof FacetExclusions, values: string[]): boolean {
  if (key === 'statuses' && !values.every((v) => statusSchema.safeParse(v).success)) return false;
  fields.exclude = { ...fields.exclude, [key]: [...(fields.exclude[key] ?? []), ...values] };
  return true;
}

const EXCLUDABLE: Partial<Record<Leaf['field'], keyof FacetExclusions>> = {
  engine: 'models',
  provider_type: 'providers',
  status: 'statuses',
  tags: 'tags',
};

function addMetadataLeaf(fields: Fields, leaf: Leaf): boolean {
  const key = leaf.nested_key;
  if (typeof key !== 'string' || key === '') return false;
  switch (leaf.operator) {
    case 'key_equals':
    case 'in': {
      const values = leaf.operator === 'key_equals' ? strings({ ...leaf, operator: 'is' }) : strings(leaf);
      if (values === null || fields.metadata.some((m) => m.key === key)) return false;
      fields.metadata.push({ key, values });
      return true;
    }
    case 'key_not_equals':
    case 'not_in': {
      const values =
        leaf.operator === 'key_not_equals'
          ? strings({ ...leaf, operator: 'is' })
          : strings({ ...leaf, operator: 'in' });
      if (values === null) return false;
      fields.metaConditions.push({ key, op: 'not_in', values });
      return true;
    }
    case 'key_contains':
      if (typeof leaf.value !== 'string' || leaf.value === '') return false;
      fields.metaConditions.push({ key, op: 'contains', value: leaf.value });
      return true;
    default:
      return false;
  }
}

/** metadata_keys: has a key (contains, or in with one key) or has none of them (not_contains, not_in). */
function addMetadataKeysLeaf(fields: Fields, leaf: Leaf): boolean {
  const negated = negatedValues(leaf);
  if (negated !== null) {
    for (const key of negated) if (key !== '') fields.metaConditions.push({ key, op: 'missing' });
    return negated.every((key) => key !== '');
  }
  const keys = strings(leaf);
  if (keys === null || keys.length !== 1 || keys[0] === '') return false;
  fields.metaConditions.push({ key: keys[0] as string, op: 'exists' });
  return true;
}

/** Adds one leaf to the filter; false when the list cannot express it exactly. */
function addLeaf(fields: Fields, leaf: Leaf): boolean {
  const excludable = EXCLUDABLE[leaf.field];
  const negated = negatedValues(leaf);
  if (excludable && negated !== null) return addExclusion(fields, excludable, negated);
  const numericField = NUMERIC_FIELDS[leaf.field];
  if (numericField) {
    const conditions = numericConditions(leaf, numericField);
    if (conditions === null) return false;
    fields.numeric.push(...conditions);
    return true;
  }
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
    case 'metadata':
      return addMetadataLeaf(fields, leaf);
    case 'metadata_keys':
      return addMetadataKeysLeaf(fields, leaf);
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

/** Operators whose leaves an OR joins into one "in" list. */
const IN_LIKE = new Set(['is', 'in', 'contains', 'key_equals']);

/**
 * An OR of leaves on one field (and one metadata key) that each ask for a value or a list of
 * values: the same as one `in` leaf over all their values. Null for any other OR.
 */
function orAsIn(filters: readonly SearchFilterNode[]): Leaf | null {
  const leaves = filters.filter((child): child is Leaf => !('filters' in child));
  const [first] = leaves;
  if (!first || leaves.length !== filters.length) return null;
  const sameField = (leaf: Leaf) => leaf.field === first.field && leaf.nested_key === first.nested_key;
  if (!leaves.every((leaf) => sameField(leaf) && IN_LIKE.has(leaf.operator))) return null;
  // tags contains is per tag; engine/provider/status have no contains; metadata_keys is not a value list.
  if (first.field === 'metadata_keys') return null;
  if (first.field !== 'tags' && leaves.some((leaf) => leaf.operator === 'contains')) return null;
  if (first.field === 'tags' && leaves.some((leaf) => leaf.operator === 'is')) return null;
  const values: string[] = [];
  for (const leaf of leaves) {
    const list = strings(leaf.operator === 'key_equals' ? { ...leaf, operator: 'is' } : leaf);
    if (list === null) return null;
    values.push(...list);
  }
  return {
    field: first.field,
    operator: 'in',
    value: values,
    ...(first.nested_key ? { nested_key: first.nested_key } : {}),
  };
}

function leavesOf(node: SearchFilterNode | null): Leaf[] | null {
  if (node === null) return [];
  if (!('filters' in node)) return [node];
  // Malformed groups go to the general compiler, which names what is wrong.
  if (!Array.isArray(node.filters) || (node.logic !== 'AND' && node.logic !== 'OR')) return null;
  if (node.logic === 'OR' && node.filters.length > 1) {
    const merged = orAsIn(node.filters);
    return merged ? [merged] : null;
  }
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
    exclude: {},
    metaConditions: [],
    numeric: [],
  };
  for (const leaf of leaves) if (!addLeaf(fields, leaf)) return null;
  if (fields.from !== undefined && fields.to !== undefined && fields.from >= fields.to) return null;
  const q = query.q?.trim();
  const { exclude, metaConditions, numeric, ...rest } = fields;
  const filter: RequestFilter = {
    ...rest,
    scores: [],
    ...(Object.keys(exclude).length > 0 ? { exclude } : {}),
    ...(metaConditions.length > 0 ? { metaConditions } : {}),
    ...(numeric.length > 0 ? { numeric } : {}),
    ...(q ? { q } : {}),
  };
  return { filter, sort, order: query.sortOrder, skip, take: query.perPage };
}
