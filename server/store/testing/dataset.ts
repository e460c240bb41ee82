/**
 * The contract suite's data: 60 varied requests with deliberate ties (start times in threes,
 * prices and latencies repeating) so that sorting and cursors must break ties by id, and a JS
 * model of the filter semantics to compute what every query should return.
 */
import type { NumericFilterField, RequestFilter, SortField } from '../../../contract/api.ts';
import { makeNewRequest } from '../../testing/factories.ts';
import { parseTextQuery, wordsOf } from '../sql/text-query.ts';
import type { NewRequest } from '../store.ts';

export const BASE_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const COUNT = 60;

const MODELS: [string, string][] = [
  ['gpt-4o', 'openai'],
  ['gpt-4o-mini', 'openai'],
  ['claude-3-5-sonnet', 'anthropic'],
  ['gemini-1.5-pro', 'google'],
];
const TOPICS = ['weather', 'finance', 'poetry', 'quokka'];

export function datasetRequest(i: number): NewRequest {
  const [model, provider] = MODELS[i % MODELS.length] as [string, string];
  const startMs = BASE_MS + Math.floor(i / 3) * 60_000;
  const topic = TOPICS[i % TOPICS.length] as string;
  const question = `Question number n${i} about ${topic}`;
  const answer = i % 5 === 0 ? '{"answer": 42}' : `Answer about ${topic} from ${model}`;
  const tags: string[] = [];
  if (i % 2 === 0) tags.push('even');
  if (i % 3 === 0) tags.push('three');
  if (i < 10) tags.push('sample');
  const metadata: Record<string, string> = { env: i % 2 === 1 ? 'prod' : 'dev', user_id: `u${i % 6}` };
  if (i % 4 === 0) metadata.region = i % 8 === 0 ? 'eu-west' : 'us-east';
  const scores: Record<string, number> = {};
  if (i % 4 === 0) scores.default = (i * 13) % 101;
  if (i % 5 === 0) scores.accuracy = (i * 7) % 101;
  const isToolCall = i % 6 === 0;
  return makeNewRequest({
    provider,
    model,
    status: i % 7 === 0 ? 'ERROR' : i % 5 === 0 ? 'WARNING' : 'SUCCESS',
    errorType: i % 7 === 0 ? 'PROVIDER_TIMEOUT' : null,
    errorMessage: i % 7 === 0 ? 'timed out' : null,
    startMs,
    endMs: startMs + ((i * 37) % 7) * 100,
    inputTokens: (i % 10) * 3,
    outputTokens: (i % 4) * 5,
    price: (i % 4) * 0.001,
    promptName: i % 3 === 0 ? 'weather-bot' : i % 3 === 1 ? 'summarizer' : null,
    promptVersionNumber: i % 3 === 2 ? null : (i % 2) + 1,
    inputText: `[system]: You are helpful.\n[user]: ${question}`,
    outputText: answer,
    input: {
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are helpful.' }] },
        { role: 'user', content: [{ type: 'text', text: question }] },
      ],
    },
    output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: answer }] }] },
    isToolCall,
    toolNames: isToolCall ? ['get_weather'] : [],
    isJson: i % 5 === 0,
    tags,
    metadata,
    scores,
  });
}

export interface Stored {
  id: number;
  request: NewRequest;
}

export function sortValue(request: NewRequest, sort: SortField): number {
  switch (sort) {
    case 'time':
      return request.startMs;
    case 'latency':
      return request.endMs - request.startMs;
    case 'cost':
      return request.price;
    case 'tokens':
      return request.inputTokens + request.outputTokens;
  }
}

export function expectedOrder(rows: readonly Stored[], sort: SortField, order: 'asc' | 'desc'): number[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const diff = sortValue(a.request, sort) - sortValue(b.request, sort);
      return diff !== 0 ? sign * diff : sign * (a.id - b.id);
    })
    .map((row) => row.id);
}

/**
 * The q model (server/store/sql/text-query.ts): every term of 3+ characters occurs in the input
 * or output text (A–Z case-insensitive), every shorter term starts a word there.
 */
export function matchesQ(request: { inputText: string; outputText: string }, q: string): boolean {
  const query = parseTextQuery(q);
  if (query === null) return false;
  const texts = [request.inputText, request.outputText].map(asciiLower);
  const words = wordsOf(`${request.inputText} ${request.outputText}`);
  return (
    query.substrings.every((term) => texts.some((text) => text.includes(asciiLower(term)))) &&
    query.wordPrefixes.every((prefix) => words.some((word) => word.startsWith(prefix)))
  );
}

const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

export function matches(request: NewRequest, filter: RequestFilter): boolean {
  const anyOf = (values: readonly string[], value: string | null) =>
    values.length === 0 || (value !== null && values.includes(value));
  if (!anyOf(filter.models, request.model)) return false;
  if (!anyOf(filter.providers, request.provider)) return false;
  if (!anyOf(filter.statuses, request.status)) return false;
  if (!anyOf(filter.promptNames, request.promptName)) return false;
  if (filter.traceIds?.length && !filter.traceIds.includes(request.traceId ?? '')) return false;
  if (filter.tags.length > 0 && !filter.tags.some((tag) => request.tags.includes(tag))) return false;
  for (const { key, values } of filter.metadata) {
    const value = request.metadata[key];
    if (value === undefined || !values.includes(value)) return false;
  }
  for (const { name, min, max } of filter.scores) {
    const value = request.scores[name];
    if (value === undefined || value < (min ?? 0) || value > (max ?? 100)) return false;
  }
  if (filter.from !== undefined && request.startMs < filter.from) return false;
  if (filter.to !== undefined && request.startMs >= filter.to) return false;
  if (filter.q && !matchesQ(request, filter.q)) return false;
  return matchesRicher(request, filter);
}

function numericValue(request: NewRequest, field: NumericFilterField): number {
  switch (field) {
    case 'latency':
      return request.endMs - request.startMs;
    case 'cost':
      return request.price;
    case 'input_tokens':
      return request.inputTokens;
    case 'output_tokens':
      return request.outputTokens;
    case 'tokens':
      return request.inputTokens + request.outputTokens;
  }
}

/** The richer conditions (issue #13), by brute force. */
function matchesRicher(request: NewRequest, filter: RequestFilter): boolean {
  const exclude = filter.exclude ?? {};
  const excluded = (values: readonly string[] | undefined, value: string | null) =>
    value !== null && (values ?? []).includes(value);
  if (excluded(exclude.models, request.model) || excluded(exclude.providers, request.provider)) return false;
  if (excluded(exclude.statuses, request.status) || excluded(exclude.promptNames, request.promptName))
    return false;
  if (request.tags.some((tag) => excluded(exclude.tags, tag))) return false;
  for (const condition of filter.metaConditions ?? []) {
    const value = request.metadata[condition.key];
    if (condition.op === 'exists' && value === undefined) return false;
    if (condition.op === 'missing' && value !== undefined) return false;
    if (condition.op === 'not_in' && value !== undefined && condition.values.includes(value)) return false;
    if (
      condition.op === 'contains' &&
      (value === undefined || !value.toLowerCase().includes(condition.value.toLowerCase()))
    )
      return false;
  }
  for (const { field, op, value } of filter.numeric ?? []) {
    const actual = numericValue(request, field);
    const ok = { gt: actual > value, gte: actual >= value, lt: actual < value, lte: actual <= value }[op];
    if (!ok) return false;
  }
  return true;
}
