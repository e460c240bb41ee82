/**
 * Example PromptLayer wire bodies (docs/wire-contract.md §2, §3, §5), written for our tests: each one
 * exercises a part of the contract that real clients send. Each call returns a fresh object, so a
 * test may change its copy.
 */
type WireBody = Record<string, unknown>;

/**
 * A chat request that ends in a tool call, with every optional field of /log-request set: API type,
 * template variables, a tool definition with `tool_choice`, parameters, tags, metadata, a prompt
 * link, tokens, price, function name and a score. ISO-8601 times with milliseconds.
 */
export const toolCallRequest = (): WireBody => ({
  provider: 'openai',
  model: 'gpt-4o',
  api_type: 'chat-completions',
  input: {
    type: 'chat',
    input_variables: ['order_id'],
    messages: [
      {
        role: 'system',
        content: [{ type: 'text', text: 'You answer questions about orders. Call a tool for order data.' }],
      },
      {
        role: 'user',
        input_variables: ['order_id'],
        template_format: 'f-string',
        content: [{ type: 'text', text: 'Where is my order A-1042?' }],
      },
    ],
    tools: [
      {
        type: 'function',
        function: {
          name: 'lookup_order',
          description: 'Find an order by its number',
          parameters: {
            type: 'object',
            properties: { order_id: { type: 'string' } },
            required: ['order_id'],
          },
        },
      },
    ],
    tool_choice: 'auto',
  },
  output: {
    type: 'chat',
    messages: [
      {
        role: 'assistant',
        input_variables: [],
        template_format: 'f-string',
        content: [],
        tool_calls: [
          {
            id: 'call_order_7',
            type: 'function',
            function: { name: 'lookup_order', arguments: '{"order_id": "A-1042"}' },
          },
        ],
      },
    ],
  },
  request_start_time: '2025-04-07T09:00:00.000Z',
  request_end_time: '2025-04-07T09:00:00.876Z',
  parameters: { temperature: 0, max_tokens: 256 },
  tags: ['production', 'support-bot'],
  metadata: { customer_id: 'c_881', channel: 'web' },
  prompt_name: 'order-status',
  prompt_version_number: 2,
  prompt_input_variables: { order_id: 'A-1042' },
  input_tokens: 64,
  output_tokens: 21,
  price: 0.000275,
  function_name: 'openai.chat.completions.create',
  score: 75,
  score_name: 'default',
  status: 'SUCCESS',
});

/**
 * The next turn of that conversation on another provider: thinking with a signature, the tool call
 * in the input answered by a `tool` message, a text answer. Times as epoch-second floats, as the
 * Python SDK sends them; no tags, metadata or score.
 */
export const toolResultTurnRequest = (): WireBody => ({
  provider: 'anthropic',
  model: 'claude-sonnet-4-5',
  input: {
    type: 'chat',
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'You answer questions about orders.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Where is my order A-1042?' }] },
      {
        role: 'assistant',
        content: [{ type: 'thinking', thinking: 'Look the order up first.', signature: 'sig-4b1e' }],
        tool_calls: [
          {
            id: 'toolu_42',
            type: 'function',
            function: { name: 'lookup_order', arguments: '{"order_id": "A-1042"}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'toolu_42',
        content: [{ type: 'text', text: '{"state": "shipped", "carrier": "DHL"}' }],
      },
    ],
  },
  output: {
    type: 'chat',
    messages: [
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'Order A-1042 has shipped with DHL and arrives tomorrow.' }],
      },
    ],
  },
  request_start_time: 1744016461.25,
  request_end_time: 1744016462.75,
  parameters: { max_tokens: 1024, thinking: { type: 'enabled', budget_tokens: 512 } },
  input_tokens: 152,
  output_tokens: 19,
});

/** A completion request that failed: completion templates on both sides, an empty output. */
export const failedCompletionRequest = (): WireBody => ({
  provider: 'openai',
  model: 'davinci-002',
  input: {
    type: 'completion',
    template_format: 'f-string',
    input_variables: [],
    content: [{ type: 'text', text: 'Write a haiku about tea' }],
  },
  output: { type: 'completion', content: [] },
  request_start_time: '2025-04-07T09:00:00Z',
  request_end_time: '2025-04-07T09:00:30Z',
  status: 'ERROR',
  error_type: 'PROVIDER_TIMEOUT',
  error_message: 'No answer from the provider within 30 s',
});

/** What POST /log-request answers (§2): both `id` and `request_id`. */
export const logRequestResponseSample = (): WireBody => ({
  id: 1,
  request_id: 1,
  prompt_version: null,
  status: 'SUCCESS',
  error_type: null,
  error_message: null,
});

/** What GET /api/public/v2/requests/{id} answers for `toolCallRequest` (§3), its documented fields. */
export const getRequestResponseSample = (): WireBody => ({
  success: true,
  request_id: 1,
  provider: 'openai',
  model: 'gpt-4o',
  prompt_blueprint: {
    prompt_template: {
      type: 'chat',
      messages: (toolCallRequest().input as { messages: unknown[] }).messages,
      tools: (toolCallRequest().input as { tools: unknown[] }).tools,
    },
    metadata: {
      model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0, max_tokens: 256 } },
    },
    inference_client_name: null,
  },
  input_tokens: 64,
  output_tokens: 21,
  tokens: 85,
  price: 0.000275,
  request_start_time: '2025-04-07T09:00:00Z',
  request_end_time: '2025-04-07T09:00:00.876Z',
  latency_ms: 876,
  trace_id: null,
});

/** Every sample by name, for tests that must hold for all of them. */
export const wireSamples = {
  toolCallRequest,
  toolResultTurnRequest,
  failedCompletionRequest,
  logRequestResponseSample,
  getRequestResponseSample,
} as const;
