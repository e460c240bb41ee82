/** Each convention's fixture span → the request it logs (or none). */
import { describe, expect, it } from 'vitest';
import type { NewRequest } from '../../store/store.ts';
import { parseExportRequest } from './otlp-traces.ts';
import { spanToIngest } from './span-to-request.ts';
import { otlpExport } from './testing/otlp-builders.ts';
import * as fixtures from './testing/span-fixtures.ts';

function ingestOf(span: Record<string, unknown>) {
  const parsed = parseExportRequest(otlpExport([span]));
  expect(parsed.rejected).toBe(0);
  return spanToIngest(parsed.spans[0] as NonNullable<(typeof parsed.spans)[0]>);
}

function requestOf(span: Record<string, unknown>): NewRequest {
  const request = ingestOf(span).request;
  if (!request) throw new Error('expected the span to log a request');
  return request;
}

const messages = (template: unknown) => (template as { messages: unknown[] }).messages;

describe('GenAI semantic conventions', () => {
  it('attribute form: model, provider, system, parts, tool calls and results, images, reasoning, usage, parameters, identity', () => {
    const r = requestOf(fixtures.genAiAttributes);
    expect(r).toMatchObject({
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      inputTokens: 52,
      outputTokens: 17,
      status: 'SUCCESS',
      functionName: 'chat',
      parameters: { temperature: 0.3, max_tokens: 200 },
      metadata: { user_id: 'user-7', session_id: 'sess-9', conversation_id: 'conv-3' },
    });
    expect(messages(r.input)).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'You are a weather bot.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        content: [],
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'sunny, 21°C' }] },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/sky.png' } }] },
    ]);
    expect(messages(r.output)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'The tool said sunny.' },
          { type: 'text', text: 'It is sunny in Paris.' },
        ],
      },
    ]);
    expect(r.isToolCall).toBe(false);
    expect(r.inputText).toContain('Weather in Paris?');
    expect(r.endMs - r.startMs).toBe(1000);
  });

  it('event form (gen_ai.*.message, gen_ai.choice) of earlier versions', () => {
    const r = requestOf(fixtures.genAiEvents);
    expect(r).toMatchObject({
      model: 'claude-3-5-sonnet',
      provider: 'anthropic',
      inputTokens: 20,
      outputTokens: 8,
    });
    expect(messages(r.input)).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hi there' }] },
    ]);
    expect(messages(r.output)).toEqual([{ role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] }]);
  });

  it('OpenAI-shaped messages, PromptLayer prompt link and metadata', () => {
    const r = requestOf(fixtures.genAiOpenAiShape);
    expect(r).toMatchObject({
      model: 'gpt-4o-mini',
      promptName: 'pinger',
      promptVersionNumber: 4,
      metadata: { team: 'core' },
    });
    expect(r.isToolCall).toBe(true);
    expect(r.toolNames).toEqual(['pong']);
  });

  it('a failed call is an ERROR with the exception message; Azure names map to openai.azure', () => {
    const r = requestOf(fixtures.failedCall);
    expect(r).toMatchObject({
      status: 'ERROR',
      errorType: 'PROVIDER_ERROR',
      errorMessage: '429 Too Many Requests',
      provider: 'openai.azure',
    });
  });
});

describe('OpenInference', () => {
  it('flattened messages with contents, images, tool calls, token counts, invocation parameters, tags', () => {
    const r = requestOf(fixtures.openInference);
    expect(r).toMatchObject({
      model: 'gpt-4o',
      provider: 'openai',
      inputTokens: 100,
      outputTokens: 12,
      parameters: { temperature: 0.1 },
      tags: ['beta', 'vision'],
      metadata: { experiment: 'b', user_id: 'oi-user' },
    });
    expect(messages(r.input)).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'You help.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
        ],
      },
    ]);
    expect(messages(r.output)).toEqual([
      {
        role: 'assistant',
        content: [],
        tool_calls: [
          { id: 'call_9', type: 'function', function: { name: 'describe', arguments: '{"detail":"high"}' } },
        ],
      },
    ]);
  });

  it('a CHAIN span is not a request', () => {
    expect(ingestOf(fixtures.openInferenceChain).request).toBeNull();
  });
});

describe('OpenLLMetry', () => {
  it('gen_ai.prompt.N / gen_ai.completion.N with tool calls, functions as tools, association properties', () => {
    const r = requestOf(fixtures.openLlmetry);
    expect(r).toMatchObject({
      model: 'gpt-3.5-turbo-0125',
      provider: 'openai',
      inputTokens: 30,
      outputTokens: 9,
      parameters: { temperature: 0.7 },
      metadata: { customer: 'acme' },
    });
    expect(messages(r.input)).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Tell me a joke' }] },
      {
        role: 'assistant',
        content: [],
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'joke_db', arguments: '{"topic":"cats"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: 'Cats joke' }] },
    ]);
    expect((r.input as { tools: unknown[] }).tools).toEqual([
      { type: 'function', function: { name: 'joke_db', parameters: { type: 'object' } } },
    ]);
    expect(messages(r.output)).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'Why did the cat…' }] },
    ]);
  });

  it('a workflow span is not a request', () => {
    expect(ingestOf(fixtures.openLlmetryWorkflow).request).toBeNull();
  });
});

describe('Vercel AI SDK', () => {
  it('logs the doGenerate span with its messages, tool parts, settings, usage and telemetry metadata', () => {
    const r = requestOf(fixtures.vercelDoGenerate);
    expect(r).toMatchObject({
      model: 'gpt-4o',
      provider: 'openai',
      inputTokens: 10,
      outputTokens: 20,
      functionName: 'ai.generateText.doGenerate',
      parameters: { maxRetries: 2, temperature: 0.5 },
      metadata: { feature: 'poems' },
    });
    expect(messages(r.input)).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Poet.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Write a haiku' }] },
      {
        role: 'assistant',
        content: [],
        tool_calls: [
          { id: 'v1', type: 'function', function: { name: 'rhyme', arguments: '{"word":"moon"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'v1', content: [{ type: 'text', text: '["june"]' }] },
    ]);
    expect(messages(r.output)).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'Autumn moonlight…' }] },
    ]);
  });

  it('does not log the outer ai.generateText span (its doGenerate child is the call)', () => {
    expect(ingestOf(fixtures.vercelGenerate).request).toBeNull();
  });
});

describe('PromptLayer', () => {
  it('a managed span logs nothing and links to the /track-request span it names', () => {
    const ingest = ingestOf(fixtures.promptLayerManaged);
    expect(ingest.request).toBeNull();
    expect(ingest.linkSpanId).toBe('e0e0e0e0e0e0e0e0');
  });
});
