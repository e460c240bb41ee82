import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.ts';
import { failedCompletionRequest, toolCallRequest, toolResultTurnRequest } from '../testing/wire-samples.ts';
import { normalizeLogRequest } from './normalize-log-request.ts';

const minimal = () => ({
  provider: 'openai',
  model: 'gpt-4o',
  input: { type: 'chat', messages: [{ role: 'user', content: 'Hello' }] },
  output: { type: 'chat', messages: [{ role: 'assistant', content: 'Hi!' }] },
  request_start_time: '2025-03-15T10:30:00Z',
  request_end_time: '2025-03-15T10:30:01Z',
});

function rejection(body: unknown): HttpError {
  try {
    normalizeLogRequest(body);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected normalizeLogRequest to reject the body');
}

describe('normalizeLogRequest', () => {
  it('normalises the tool-call sample with every field', () => {
    const request = normalizeLogRequest(toolCallRequest());
    expect(request).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o',
      apiType: 'chat-completions',
      functionName: 'openai.chat.completions.create',
      status: 'SUCCESS',
      startMs: Date.UTC(2025, 3, 7, 9, 0),
      endMs: Date.UTC(2025, 3, 7, 9, 0, 0, 876),
      inputTokens: 64,
      outputTokens: 21,
      price: 0.000275,
      promptName: 'order-status',
      promptVersionNumber: 2,
      promptInputVariables: { order_id: 'A-1042' },
      parameters: { temperature: 0, max_tokens: 256 },
      tags: ['production', 'support-bot'],
      metadata: { customer_id: 'c_881', channel: 'web' },
      scores: { default: 75 },
      isToolCall: true,
      toolNames: ['lookup_order'],
      isJson: false,
      inputText:
        '[system]: You answer questions about orders. Call a tool for order data.\n[user]: Where is my order A-1042?',
      outputText: '',
      groupId: null,
    });
    expect((request.input as { tools: unknown[] }).tools).toHaveLength(1);
    expect((request.input as { tool_choice: string }).tool_choice).toBe('auto');
  });

  it('reads epoch-seconds floats (Python) and keeps thinking blocks', () => {
    const request = normalizeLogRequest(toolResultTurnRequest());
    expect(request.startMs).toBe(1744016461250);
    expect(request.endMs).toBe(1744016462750);
    expect(request.outputText).toBe('Order A-1042 has shipped with DHL and arrives tomorrow.');
    expect(request.inputText).toContain('[tool]: {"state": "shipped"');
    expect(request.scores).toEqual({});
    const messages = (request.input as { messages: { content: { type: string }[] }[] }).messages;
    expect(messages[2]?.content[0]?.type).toBe('thinking');
  });

  it('keeps status, error type and message of a failed completion', () => {
    const request = normalizeLogRequest(failedCompletionRequest());
    expect(request).toMatchObject({
      status: 'ERROR',
      errorType: 'PROVIDER_TIMEOUT',
      errorMessage: 'No answer from the provider within 30 s',
      inputText: 'Write a haiku about tea',
      outputText: '',
    });
  });

  it('reads epoch milliseconds', () => {
    const request = normalizeLogRequest({
      ...minimal(),
      request_start_time: 1742034602100,
      request_end_time: 1742034603400,
    });
    expect([request.startMs, request.endMs]).toEqual([1742034602100, 1742034603400]);
  });

  it('turns string content into text blocks', () => {
    const request = normalizeLogRequest({
      ...minimal(),
      input: { type: 'completion', content: 'Say hi' },
    });
    expect(request.input).toEqual({ type: 'completion', content: [{ type: 'text', text: 'Say hi' }] });
    expect((request.output as { messages: unknown[] }).messages[0]).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'Hi!' }],
    });
    expect(request.inputText).toBe('Say hi');
    expect(request.outputText).toBe('Hi!');
  });

  it('folds camelCase aliases, with the snake_case key winning when both are sent', () => {
    const { request_start_time: _s, request_end_time: _e, ...rest } = minimal();
    const request = normalizeLogRequest({
      ...rest,
      requestStartTime: 1742034602100,
      requestEndTime: 1742034603000,
      inputTokens: 5,
      outputTokens: 7,
      promptName: 'greeter',
      promptVersionNumber: 2,
      promptInputVariables: { who: 'you' },
      functionName: 'openai.chat.completions.create',
      apiType: 'chat-completions',
      scoreName: 'helpful',
      score: 80,
      prompt_name: 'snake-wins',
    });
    expect(request).toMatchObject({
      startMs: 1742034602100,
      endMs: 1742034603000,
      inputTokens: 5,
      outputTokens: 7,
      promptName: 'snake-wins',
      promptVersionNumber: 2,
      promptInputVariables: { who: 'you' },
      functionName: 'openai.chat.completions.create',
      apiType: 'chat-completions',
      scores: { helpful: 80 },
    });
  });

  it("creates no score for Python's score: 0 with score_name: null, but keeps a named 0 and a non-zero one", () => {
    expect(normalizeLogRequest({ ...minimal(), score: 0, score_name: null }).scores).toEqual({});
    expect(normalizeLogRequest({ ...minimal(), score: 0, score_name: 'accuracy' }).scores).toEqual({
      accuracy: 0,
    });
    expect(normalizeLogRequest({ ...minimal(), score: 55, score_name: null }).scores).toEqual({
      default: 55,
    });
  });

  it('accepts nulls for every optional field (Python sends None)', () => {
    const request = normalizeLogRequest({
      ...minimal(),
      parameters: null,
      tags: null,
      metadata: null,
      prompt_name: null,
      prompt_id: null,
      prompt_version_number: null,
      prompt_input_variables: null,
      input_tokens: null,
      output_tokens: null,
      price: null,
      function_name: null,
      api_type: null,
      status: null,
      error_type: null,
      error_message: null,
      api_key: 'ignored',
    });
    expect(request).toMatchObject({
      tags: [],
      metadata: {},
      parameters: {},
      price: 0,
      inputTokens: 0,
      status: 'SUCCESS',
    });
  });

  it.each([
    ['a missing provider', { provider: undefined }, 'provider'],
    ['a missing input', { input: undefined }, 'input'],
    ['an unknown template type', { input: { type: 'image', content: [] } }, 'input.type'],
    ['messages that are not an array', { output: { type: 'chat', messages: 'hi' } }, 'output.messages'],
    ['a bad timestamp', { request_start_time: 'yesterday' }, 'request_start_time'],
    ['an end before the start', { request_end_time: '2025-03-15T10:29:00Z' }, 'request_end_time'],
    ['negative tokens', { input_tokens: -1 }, 'input_tokens'],
    ['fractional tokens', { output_tokens: 1.5 }, 'output_tokens'],
    ['a negative price', { price: -0.1 }, 'price'],
    ['score 101', { score: 101 }, 'score'],
    ['score -1', { score: -1 }, 'score'],
    ['score 85.5', { score: 85.5 }, 'score'],
    ['score "abc"', { score: 'abc' }, 'score'],
    ['an unknown status', { status: 'OK' }, 'status'],
    ['an unknown error type', { error_type: 'OOPS' }, 'error_type'],
    ['a tag over 512 characters', { tags: ['x'.repeat(513)] }, 'tags.0'],
    ['a non-string metadata value', { metadata: { n: 1 } }, 'metadata.n'],
    ['prompt version 0', { prompt_version_number: 0 }, 'prompt_version_number'],
    ['an error message over 1024 characters', { error_message: 'e'.repeat(1025) }, 'error_message'],
  ])('rejects %s with a 422 naming the field', (_label, patch, field) => {
    const error = rejection({ ...minimal(), ...patch });
    expect(error.statusCode).toBe(422);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
    expect(error.detail?.[0]?.loc.slice(1).join('.')).toBe(field);
  });

  it('rejects a body that is not an object', () => {
    expect(rejection([1, 2]).statusCode).toBe(422);
    expect(rejection(null).statusCode).toBe(422);
    expect(rejection('text').statusCode).toBe(422);
  });
});
