import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAll,
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';

/** What the JS SDK's wrapper posts: the call's params and the provider's reply, key in the body. */
function wrapped(
  functionName: string,
  kwargs: unknown,
  response: unknown,
  patch: Record<string, unknown> = {},
) {
  return {
    api_key: TEST_KEY,
    function_name: functionName,
    provider_type: functionName.split('.')[0],
    kwargs,
    request_response: response,
    request_start_time: '2026-01-01T10:00:00.000Z',
    request_end_time: '2026-01-01T10:00:01.500Z',
    tags: ['wrapped'],
    span_id: '0000000000000000',
    ...patch,
  };
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
  });
  afterAll(() => t.close());

  async function track(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await t.app.inject({ method: 'POST', url: '/track-request', headers, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    const json = response.json() as {
      success: boolean;
      request_id: number;
      prompt_blueprint: Record<string, unknown>;
    };
    expect(json.success).toBe(true);
    const stored = await t.store.getRequest(json.request_id);
    if (!stored) throw new Error('not stored');
    return { json, stored };
  }

  describe('OpenAI chat completions', () => {
    it('stores text, tools, tool calls and tool results, JSON mode, tokens and times; answers the blueprint', async () => {
      const kwargs = {
        model: 'gpt-4o',
        temperature: 0.2,
        response_format: { type: 'json_object' },
        tools: [weatherTool],
        messages: [
          { role: 'system', content: 'Be brief' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather in Paris?' },
              { type: 'image_url', image_url: { url: 'https://x/img.png' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'c1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'c1', content: '{"temp":20}' },
        ],
      };
      const response = {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: 'gpt-4o-2024-08-06',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: '{"answer":"20C"}', refusal: null },
          },
        ],
        usage: { prompt_tokens: 31, completion_tokens: 7, total_tokens: 38 },
      };
      const { json, stored } = await track(wrapped('openai.chat.completions.create', kwargs, response));
      expect(stored.model).toBe('gpt-4o-2024-08-06');
      expect(stored.provider).toBe('openai');
      expect(stored.functionName).toBe('openai.chat.completions.create');
      expect(stored.inputTokens).toBe(31);
      expect(stored.outputTokens).toBe(7);
      expect(stored.latencyMs).toBe(1500);
      expect(stored.tags).toEqual(['wrapped']);
      // The JS SDK's all-zero span id means "no span".
      expect(stored.spanId ?? null).toBeNull();
      expect(stored.parameters).toEqual({ temperature: 0.2, response_format: { type: 'json_object' } });
      const input = stored.input as { messages: Record<string, unknown>[]; tools: unknown[] };
      expect(input.tools).toEqual([weatherTool]);
      expect(input.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'Be brief' }] });
      expect((input.messages[1]?.content as unknown[] | undefined)?.[1]).toEqual({
        type: 'image_url',
        image_url: { url: 'https://x/img.png' },
      });
      expect(input.messages[2]?.tool_calls).toEqual([
        { id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ]);
      expect(input.messages[3]).toEqual({
        role: 'tool',
        tool_call_id: 'c1',
        content: [{ type: 'text', text: '{"temp":20}' }],
      });
      expect(stored.output).toEqual({
        type: 'chat',
        messages: [{ role: 'assistant', content: [{ type: 'text', text: '{"answer":"20C"}' }] }],
      });
      const template = json.prompt_blueprint.prompt_template as {
        messages: { content: { text: string }[] }[];
      };
      expect(template.messages.at(-1)?.content.at(-1)?.text).toBe('{"answer":"20C"}');
      expect(json.prompt_blueprint.metadata).toEqual({
        model: {
          provider: 'openai',
          name: 'gpt-4o-2024-08-06',
          parameters: stored.parameters,
          api_type: 'chat-completions',
        },
      });
      const listed = await t.app.inject({
        method: 'GET',
        url: `/api/requests?q=answer`,
        headers: KEY_HEADER,
      });
      expect((listed.json() as { rows: { id: number }[] }).rows.map((r) => r.id)).toContain(json.request_id);
    });

    it('stores a reply that calls tools (streamed and assembled by the SDK), key in the header', async () => {
      const response = {
        id: 'chatcmpl-2',
        object: 'chat.completion',
        model: 'gpt-4o',
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            message: {
              content: null,
              tool_calls: [
                {
                  id: 'c9',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
                },
              ],
            },
          },
        ],
        usage: { prompt_tokens: 5, completion_tokens: 3 },
      };
      const { api_key: _k, ...body } = wrapped(
        'openai.chat.completions.create',
        {
          model: 'gpt-4o',
          stream: true,
          messages: [{ role: 'user', content: 'Rome?' }],
          tools: [weatherTool],
        },
        response,
      );
      const { stored } = await track(body, KEY_HEADER);
      expect(stored.parameters).toEqual({});
      expect(stored.output).toEqual({
        type: 'chat',
        messages: [
          {
            role: 'assistant',
            content: [],
            tool_calls: [
              { id: 'c9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
            ],
          },
        ],
      });
      const search = await t.app.inject({
        method: 'POST',
        url: '/api/public/v2/requests/search',
        headers: KEY_HEADER,
        payload: {
          filter_group: {
            logic: 'AND',
            filters: [{ field: 'tool_names', operator: 'contains', value: 'get_weather' }],
          },
        },
      });
      expect((search.json() as { total: number }).total).toBeGreaterThanOrEqual(1);
    });
  });

  it('OpenAI Responses API: instructions, input items, function calls and outputs, reasoning', async () => {
    const kwargs = {
      model: 'gpt-5',
      instructions: 'You are terse',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Look at this' },
            { type: 'input_image', image_url: 'data:image/png;base64,AAA' },
          ],
        },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'found' },
      ],
      tools: [{ type: 'function', name: 'lookup', description: 'Look up', parameters: { type: 'object' } }],
      reasoning: { effort: 'low' },
    };
    const response = {
      object: 'response',
      id: 'resp_1',
      model: 'gpt-5-2025',
      output: [
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thinking it over' }] },
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'A cat', annotations: [] }],
        },
      ],
      usage: { input_tokens: 12, output_tokens: 4 },
    };
    const { stored } = await track(wrapped('openai.responses.create', kwargs, response));
    expect(stored.apiType).toBe('responses');
    expect(stored.inputTokens).toBe(12);
    const input = stored.input as { messages: Record<string, unknown>[]; tools: unknown[] };
    expect(input.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect((input.messages[1]?.content as unknown[] | undefined)?.[1]).toEqual({
      type: 'image_url',
      image_url: { url: 'data:image/png;base64,AAA', detail: undefined },
    });
    expect(input.messages[2]?.tool_calls).toEqual([
      { id: 'call_1', tool_id: 'fc_1', type: 'function', function: { name: 'lookup', arguments: '{}' } },
    ]);
    expect(input.tools).toEqual([
      {
        type: 'function',
        function: { name: 'lookup', description: 'Look up', parameters: { type: 'object' } },
      },
    ]);
    expect(stored.parameters).toEqual({ reasoning: { effort: 'low' } });
    const output = stored.output as { messages: { content: unknown[] }[] };
    expect(output.messages[0]?.content).toEqual([
      { type: 'thinking', thinking: 'Thinking it over' },
      { type: 'text', text: 'A cat', annotations: [] },
    ]);
  });

  it('OpenAI completions: prompt and text as completion templates; epoch-second times', async () => {
    const { stored } = await track(
      wrapped(
        'openai.completions.create',
        { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', max_tokens: 5 },
        {
          object: 'text_completion',
          model: 'gpt-3.5-turbo-instruct',
          choices: [{ text: 'Hi!' }],
          usage: { prompt_tokens: 2, completion_tokens: 1 },
        },
        { request_start_time: 1767261600.25, request_end_time: 1767261601 },
      ),
    );
    expect(stored.input).toEqual({ type: 'completion', content: [{ type: 'text', text: 'Say hi' }] });
    expect(stored.output).toEqual({ type: 'completion', content: [{ type: 'text', text: 'Hi!' }] });
    expect(stored.startTime).toBe('2026-01-01T10:00:00.250Z');
    expect(stored.latencyMs).toBe(750);
    expect(stored.parameters).toEqual({ max_tokens: 5 });
  });

  it('Anthropic messages: system, images, tool_use/tool_result, thinking', async () => {
    const kwargs = {
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: 'Be kind',
      thinking: { type: 'enabled', budget_tokens: 2000 },
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: 'QUJD' } },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'tu_1', name: 'get_weather', input: { city: 'Oslo' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_1', content: 'cold' }] },
      ],
    };
    const response = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'thinking', thinking: 'Hmm, cold.', signature: 'sig' },
        { type: 'text', text: 'It is cold in Oslo.' },
        { type: 'tool_use', id: 'tu_2', name: 'get_weather', input: { city: 'Bergen' } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 50, output_tokens: 20 },
    };
    const { json, stored } = await track(wrapped('anthropic.messages.create', kwargs, response));
    expect(stored.provider).toBe('anthropic');
    expect(stored.model).toBe('claude-sonnet-4-5-20250929');
    expect(stored.outputTokens).toBe(20);
    expect(stored.parameters).toEqual({
      max_tokens: 1024,
      thinking: { type: 'enabled', budget_tokens: 2000 },
    });
    const input = stored.input as { messages: Record<string, unknown>[]; tools: unknown[] };
    expect(input.messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be kind' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,QUJD' } },
        ],
      },
      {
        role: 'assistant',
        content: [],
        tool_calls: [
          { id: 'tu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'tu_1', content: [{ type: 'text', text: 'cold' }] },
    ]);
    expect(input.tools).toEqual([
      {
        type: 'function',
        function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' } },
      },
    ]);
    expect(stored.output).toEqual({
      type: 'chat',
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Hmm, cold.', signature: 'sig' },
            { type: 'text', text: 'It is cold in Oslo.' },
          ],
          tool_calls: [
            {
              id: 'tu_2',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Bergen"}' },
            },
          ],
        },
      ],
    });
    expect(json.prompt_blueprint.metadata).toMatchObject({
      model: { provider: 'anthropic', api_type: 'messages' },
    });
  });

  it('Google generate_content (camelCase) and Bedrock converse', async () => {
    const google = await track(
      wrapped(
        'google.model.generate_content',
        {
          model: 'gemini-2.5-flash',
          contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
          systemInstruction: 'Be short',
        },
        {
          modelVersion: 'gemini-2.5-flash-001',
          candidates: [
            { content: { role: 'model', parts: [{ text: 'Hm', thought: true }, { text: 'Hello' }] } },
          ],
          usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2 },
        },
      ),
    );
    expect(google.stored.model).toBe('gemini-2.5-flash-001');
    expect(google.stored.inputTokens).toBe(3);
    expect((google.stored.input as { messages: unknown[] }).messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be short' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    ]);
    expect(google.stored.output).toEqual({
      type: 'chat',
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Hm' },
            { type: 'text', text: 'Hello' },
          ],
        },
      ],
    });

    const bedrock = await track(
      wrapped(
        'boto3.bedrock-runtime.converse',
        {
          modelId: 'amazon.nova-pro',
          system: [{ text: 'Sys' }],
          messages: [{ role: 'user', content: [{ text: 'Q' }] }],
          inferenceConfig: { maxTokens: 9 },
        },
        {
          output: { message: { role: 'assistant', content: [{ text: 'A' }] } },
          stopReason: 'end_turn',
          usage: { inputTokens: 4, outputTokens: 1 },
        },
        { provider_type: 'amazon.bedrock' },
      ),
    );
    expect(bedrock.stored.model).toBe('amazon.nova-pro');
    expect(bedrock.stored.provider).toBe('amazon.bedrock');
    expect(bedrock.stored.parameters).toEqual({ inferenceConfig: { maxTokens: 9 } });
    expect(bedrock.stored.output).toEqual({
      type: 'chat',
      messages: [{ role: 'assistant', content: [{ type: 'text', text: 'A' }] }],
    });
  });

  it('an unknown function name is stored with its raw request and reply as JSON blocks', async () => {
    const { stored } = await track(
      wrapped('acme.generate', { prompt_id: 7, foo: [1] }, { result: 'ok' }, { provider_type: 'acme' }),
    );
    expect(stored.provider).toBe('acme');
    expect(stored.input).toEqual({
      type: 'chat',
      messages: [{ role: 'user', content: [{ type: 'raw_request', kwargs: { prompt_id: 7, foo: [1] } }] }],
    });
    expect(stored.output).toEqual({
      type: 'chat',
      messages: [{ role: 'assistant', content: [{ type: 'raw_response', response: { result: 'ok' } }] }],
    });
  });

  it('run() errors: status, error type and a long message cut to 1024 characters; metadata and group', async () => {
    const group = await t.app.inject({
      method: 'POST',
      url: '/create-group',
      payload: { api_key: TEST_KEY },
    });
    const groupId = (group.json() as { id: number }).id;
    const { stored } = await track(
      wrapped(
        'openai.chat.completions.create',
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] },
        {},
        {
          status: 'ERROR',
          error_type: 'PROVIDER_RATE_LIMIT',
          error_message: 'e'.repeat(5000),
          metadata: { user_id: 'u1', attempt: 2 },
          group_id: groupId,
        },
      ),
    );
    expect(stored.status).toBe('ERROR');
    expect(stored.errorType).toBe('PROVIDER_RATE_LIMIT');
    expect(stored.errorMessage).toHaveLength(1024);
    expect(stored.metadata).toEqual({ user_id: 'u1', attempt: '2' });
    expect(stored.output).toEqual({ type: 'chat', messages: [] });
  });

  describe('refusals write nothing', () => {
    it.each([
      ['function_name', { function_name: undefined }],
      ['request_start_time', { request_start_time: 'yesterday' }],
      ['request_end_time', { request_end_time: '2025-01-01T00:00:00Z' }],
      ['tags', { tags: 'one' }],
      ['error_type', { error_type: 'BAD' }],
      ['prompt_version', { prompt_version: 0 }],
    ])('%s', async (field, patch) => {
      const before = await countAll(t.store);
      const response = await t.app.inject({
        method: 'POST',
        url: '/track-request',
        payload: wrapped('openai.chat.completions.create', { messages: [] }, {}, patch),
      });
      expect(response.statusCode).toBe(422);
      expect(errorOf(response).message.startsWith(field)).toBe(true);
      expect(await countAll(t.store)).toBe(before);
    });

    it('no key or a wrong key: 401', async () => {
      const { api_key: _k, ...body } = wrapped('openai.chat.completions.create', {}, {});
      expect((await t.app.inject({ method: 'POST', url: '/track-request', payload: body })).statusCode).toBe(
        401,
      );
      expect(
        (await t.app.inject({ method: 'POST', url: '/track-request', payload: { ...body, api_key: 'nope' } }))
          .statusCode,
      ).toBe(401);
    });
  });

  it('a run() request links to its template version (Prompt filter and the drawer show it)', async () => {
    const published = await t.app.inject({
      method: 'POST',
      url: '/rest/prompt-templates',
      headers: KEY_HEADER,
      payload: {
        prompt_template: { prompt_name: 'linked/prompt' },
        prompt_version: {
          prompt_template: {
            type: 'chat',
            messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi {name}' }] }],
          },
        },
      },
    });
    const template = published.json() as { id: number; version_number: number };
    const { stored } = await track(
      wrapped(
        'openai.chat.completions.create',
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi Bob' }], stream: false },
        {},
        {
          prompt_id: template.id,
          prompt_version: template.version_number,
          prompt_input_variables: { name: 'Bob' },
          return_prompt_blueprint: true,
          span_id: '00F067AA0BA902B7',
        },
      ),
    );
    expect(stored.promptName).toBe('linked/prompt');
    expect(stored.promptVersion).toBe(1);
    expect(stored.promptInputVariables).toEqual({ name: 'Bob' });
    expect(stored.spanId).toBe('00f067aa0ba902b7');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/requests?prompt=linked%2Fprompt',
      headers: KEY_HEADER,
    });
    expect((list.json() as { rows: { id: number }[] }).rows.map((r) => r.id)).toEqual([stored.id]);
  });
});
