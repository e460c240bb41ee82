/**
 * Builds /log-request wire bodies (docs/wire-contract.md §2) for e2e seeding: a plain chat request
 * whose every field can be overridden. `seedRequests(n)` makes n varied, deterministic ones.
 */
export interface LogRequestBody {
  provider: string;
  model: string;
  input: unknown;
  output: unknown;
  request_start_time: string | number;
  request_end_time: string | number;
  tags?: string[];
  metadata?: Record<string, string>;
  prompt_name?: string;
  prompt_version_number?: number;
  input_tokens?: number;
  output_tokens?: number;
  price?: number;
  score?: number;
  score_name?: string;
  status?: 'SUCCESS' | 'WARNING' | 'ERROR';
  error_type?: string;
  error_message?: string;
  [key: string]: unknown;
}

export function chatBody(
  question: string,
  answer: string,
  overrides: Partial<LogRequestBody> = {},
): LogRequestBody {
  const end = Date.now();
  return {
    provider: 'openai',
    model: 'gpt-4o',
    input: {
      type: 'chat',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
        { role: 'user', content: [{ type: 'text', text: question }] },
      ],
    },
    output: { type: 'chat', messages: [{ role: 'assistant', content: [{ type: 'text', text: answer }] }] },
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
