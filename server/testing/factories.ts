/**
 * Test data for every layer, in one place: /log-request wire bodies (docs/wire-contract.md §2) for
 * API, process and e2e tests, and store-level NewRequest rows for the store tests. Fixed example
 * bodies for each part of the contract are in ./wire-samples.ts.
 */
import type { RequestDetail, RequestRow } from '../../contract/api.ts';
import { inputPreview, outputPreview } from '../ingest/previews.ts';
import type { LogRequestBody as GeneratedLogRequestBody } from '../seed/wire.ts';
import type { NewRequest } from '../store/store.ts';

/**
 * A /log-request body as tests send it: the seed generator's fields, with any template (tests send
 * hostile and unusual ones) and any extra key (camelCase aliases, `api_key`, invalid values).
 */
export type LogRequestBody = Omit<GeneratedLogRequestBody, 'input' | 'output' | 'metadata'> & {
  input: unknown;
  output: unknown;
  metadata?: Record<string, string>;
  [key: string]: unknown;
};

const text = (value: string) => [{ type: 'text', text: value }];

/** A chat template of `[role, text]` messages. */
export function chatTemplate(...messages: [role: string, text: string][]) {
  return { type: 'chat', messages: messages.map(([role, value]) => ({ role, content: text(value) })) };
}

/**
 * The smallest valid body at a fixed time (2025-03-15 10:30:00Z, 1 s long): one user message, one
 * answer. `patch` replaces or adds keys, valid or not.
 */
export function logBody(patch: Record<string, unknown> = {}): LogRequestBody {
  return {
    provider: 'openai',
    model: 'gpt-4o',
    input: chatTemplate(['user', 'Hello there']),
    output: chatTemplate(['assistant', 'Hi!']),
    request_start_time: '2025-03-15T10:30:00Z',
    request_end_time: '2025-03-15T10:30:01Z',
    ...patch,
  };
}

/**
 * A chat request that ended just now (800 ms long) with a system prompt, the question and the
 * answer, tokens and a price.
 */
export function chatBody(
  question: string,
  answer: string,
  overrides: Partial<LogRequestBody> = {},
): LogRequestBody {
  const end = Date.now();
  return {
    provider: 'openai',
    model: 'gpt-4o',
    input: chatTemplate(['system', 'You are a helpful assistant.'], ['user', question]),
    output: chatTemplate(['assistant', answer]),
    request_start_time: new Date(end - 800).toISOString(),
    request_end_time: new Date(end).toISOString(),
    input_tokens: 20,
    output_tokens: 10,
    price: 0.0001,
    ...overrides,
  };
}

const MODELS = [
  { provider: 'openai', model: 'gpt-4o' },
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'anthropic', model: 'claude-sonnet-4' },
];

/**
 * n requests, oldest first: i = 0 is the oldest, one minute apart, the newest 30 s ago (so a
 * rolling time window never cuts a request by a few seconds). Cycling models (openai gpt-4o,
 * openai gpt-4o-mini, anthropic claude-sonnet-4), every 5th ERROR, every 3rd tagged `beta` (all
 * `e2e`), metadata env=prod|staging and user_id=u-<i mod 4>, prompt `weather` on even i, a
 * `default` score of (i*7) mod 101, the word "zebra" in the question when i mod 7 = 3, latency and
 * tokens growing with i, and a cost that does NOT follow i (so sorting by cost is checkable).
 */
export function variedBodies(n: number, now = Date.now()): LogRequestBody[] {
  return Array.from({ length: n }, (_, i) => {
    const { provider, model } = MODELS[i % MODELS.length] ?? { provider: 'openai', model: 'gpt-4o' };
    const start = now - (n - 1 - i) * 60_000 - 30_000;
    const isError = i % 5 === 4;
    const zebra = i % 7 === 3 ? ' Mention the zebra.' : '';
    return chatBody(
      `Question number ${i}: what is ${i} squared?${zebra}`,
      isError ? '' : `Answer ${i}: ${i * i}`,
      {
        provider,
        model,
        request_start_time: new Date(start).toISOString(),
        request_end_time: new Date(start + 100 + i * 10).toISOString(),
        input_tokens: 10 + i,
        output_tokens: 5 + i,
        price: Number((0.001 * (((i * 13) % 17) + 1) + i * 0.000001).toFixed(6)),
        tags: i % 3 === 0 ? ['beta', 'e2e'] : ['e2e'],
        metadata: { env: i % 2 === 0 ? 'prod' : 'staging', user_id: `u-${i % 4}` },
        ...(i % 2 === 0 ? { prompt_name: 'weather', prompt_version_number: 1 + (i % 3) } : {}),
        score: (i * 7) % 101,
        score_name: 'default',
        ...(isError
          ? {
              status: 'ERROR',
              error_type: 'PROVIDER_RATE_LIMIT',
              error_message: 'Rate limit reached for requests',
            }
          : {}),
      },
    );
  });
}

let counter = 0;

/** A valid store row (NewRequest) with sensible defaults, overridable field by field. */
export function makeNewRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  counter += 1;
  const startMs = overrides.startMs ?? Date.UTC(2025, 0, 1) + counter * 1000;
  const question = `What is the weather in Paris? (${counter})`;
  const answer = 'It is sunny and 21 degrees.';
  const request: Omit<NewRequest, 'inputPreview' | 'outputPreview'> = {
    provider: 'openai',
    model: 'gpt-4o',
    functionName: 'openai.chat.completions.create',
    apiType: 'chat-completions',
    status: 'SUCCESS',
    errorType: null,
    errorMessage: null,
    startMs,
    endMs: startMs + 850,
    inputTokens: 12,
    outputTokens: 25,
    price: 0.00123,
    promptName: null,
    promptId: null,
    promptVersionNumber: null,
    promptInputVariables: null,
    parameters: { temperature: 0.2 },
    input: {
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a weather assistant.' }] },
        { role: 'user', content: [{ type: 'text', text: question }] },
      ],
    },
    output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: answer }] }] },
    inputText: `[system]: You are a weather assistant.\n[user]: ${question}`,
    outputText: answer,
    isToolCall: false,
    toolNames: [],
    isJson: false,
    tags: [],
    metadata: {},
    scores: {},
    groupId: null,
    ...overrides,
    ...(overrides.endMs === undefined && overrides.startMs !== undefined ? { endMs: startMs + 850 } : {}),
  };
  // Previews follow the final texts, as ingest derives them.
  return {
    ...request,
    inputPreview: overrides.inputPreview ?? inputPreview(request.inputText),
    outputPreview: overrides.outputPreview ?? outputPreview(request.outputText),
  };
}

/** A table row (contract/api.ts RequestRow) with neutral values. */
export function makeRequestRow(overrides: Partial<RequestRow> = {}): RequestRow {
  return {
    id: 1,
    provider: 'openai',
    model: 'gpt-4o',
    status: 'SUCCESS',
    errorType: null,
    startTime: '2025-01-01T00:00:00.000Z',
    endTime: '2025-01-01T00:00:01.000Z',
    latencyMs: 1000,
    inputTokens: 1,
    outputTokens: 1,
    totalTokens: 2,
    cost: 0,
    promptName: null,
    promptVersion: null,
    inputPreview: '',
    outputPreview: '',
    isToolCall: false,
    tags: [],
    metadata: {},
    scores: {},
    ...overrides,
  };
}

/** A full request detail (what the drawer shows) of a tool-calling chat request. */
export function makeRequestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    id: 42,
    provider: 'openai',
    model: 'gpt-4o',
    status: 'SUCCESS',
    errorType: null,
    startTime: '2025-03-15T10:30:00.000Z',
    endTime: '2025-03-15T10:30:01.234Z',
    latencyMs: 1234,
    inputTokens: 87,
    outputTokens: 18,
    totalTokens: 105,
    cost: 0.000398,
    promptName: 'weather-assistant',
    promptVersion: 3,
    inputPreview: '',
    outputPreview: '',
    isToolCall: true,
    tags: ['production', 'weather-bot'],
    metadata: { user_id: 'user_123', session_id: 'sess_abc' },
    scores: { default: 90 },
    functionName: 'openai.chat.completions.create',
    apiType: 'chat-completions',
    errorMessage: null,
    promptId: null,
    promptInputVariables: { city: 'Paris' },
    groupId: null,
    parameters: { temperature: 0.2 },
    input: { type: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }] },
    output: null,
    toolNames: ['get_weather'],
    ...overrides,
  };
}
