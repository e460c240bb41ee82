/**
 * One span per convention, written from the specifications (OTel GenAI semantic conventions in
 * their attribute, event and draft forms; OpenInference; OpenLLMetry; the Vercel AI SDK's
 * telemetry; PromptLayer's own attributes), as OTLP/JSON spans.
 */
import { otlpSpan } from './otlp-builders.ts';

/** GenAI ≥ 1.37: messages as structured JSON attributes. */
export const genAiAttributes = otlpSpan({
  spanId: 'a1a1a1a1a1a1a1a1',
  name: 'chat gpt-4o',
  attributes: {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.response.model': 'gpt-4o-2024-08-06',
    'gen_ai.request.temperature': 0.3,
    'gen_ai.request.max_tokens': 200,
    'gen_ai.usage.input_tokens': 52,
    'gen_ai.usage.output_tokens': 17,
    'gen_ai.response.finish_reasons': ['tool_calls'],
    'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'You are a weather bot.' }]),
    'gen_ai.input.messages': JSON.stringify([
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }],
      },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: 'sunny, 21°C' }] },
      { role: 'user', parts: [{ type: 'uri', modality: 'image', uri: 'https://example.com/sky.png' }] },
    ]),
    'gen_ai.output.messages': JSON.stringify([
      {
        role: 'assistant',
        parts: [
          { type: 'reasoning', content: 'The tool said sunny.' },
          { type: 'text', content: 'It is sunny in Paris.' },
        ],
        finish_reason: 'stop',
      },
    ]),
    'user.id': 'user-7',
    'session.id': 'sess-9',
    'gen_ai.conversation.id': 'conv-3',
  },
});

/** GenAI ≤ 1.36: messages as span events, the system in gen_ai.system. */
export const genAiEvents = otlpSpan({
  spanId: 'a2a2a2a2a2a2a2a2',
  name: 'chat claude-3-5-sonnet',
  attributes: {
    'gen_ai.system': 'anthropic',
    'gen_ai.request.model': 'claude-3-5-sonnet',
    'gen_ai.usage.input_tokens': 20,
    'gen_ai.usage.output_tokens': 8,
  },
  events: [
    { name: 'gen_ai.system.message', attributes: { content: 'Be brief.' } },
    { name: 'gen_ai.user.message', attributes: { content: 'Hi there' } },
    {
      name: 'gen_ai.choice',
      attributes: {
        index: 0,
        finish_reason: 'stop',
        message: JSON.stringify({ role: 'assistant', content: 'Hello!' }),
      },
    },
  ],
});

/** GenAI, OpenAI-shaped messages (what PromptLayer's JS SDK 2.x writes). */
export const genAiOpenAiShape = otlpSpan({
  spanId: 'a3a3a3a3a3a3a3a3',
  name: 'openai.chat',
  attributes: {
    'gen_ai.system': 'openai',
    'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.input.messages': JSON.stringify([{ role: 'user', content: 'Ping' }]),
    'gen_ai.output.messages': JSON.stringify([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 't1', type: 'function', function: { name: 'pong', arguments: '{}' } }],
      },
    ]),
    'promptlayer.prompt.name': 'pinger',
    'promptlayer.prompt.version': 4,
    'promptlayer.metadata.team': 'core',
  },
});

export const openInference = otlpSpan({
  spanId: 'b1b1b1b1b1b1b1b1',
  name: 'ChatCompletion',
  attributes: {
    'openinference.span.kind': 'LLM',
    'llm.model_name': 'gpt-4o',
    'llm.provider': 'openai',
    'llm.invocation_parameters': JSON.stringify({ model: 'gpt-4o', temperature: 0.1 }),
    'llm.input_messages.0.message.role': 'system',
    'llm.input_messages.0.message.content': 'You help.',
    'llm.input_messages.1.message.role': 'user',
    'llm.input_messages.1.message.contents.0.message_content.type': 'text',
    'llm.input_messages.1.message.contents.0.message_content.text': 'What is in this image?',
    'llm.input_messages.1.message.contents.1.message_content.type': 'image',
    'llm.input_messages.1.message.contents.1.message_content.image.image.url': 'https://example.com/cat.png',
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.tool_calls.0.tool_call.id': 'call_9',
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'describe',
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments': '{"detail":"high"}',
    'llm.token_count.prompt': 100,
    'llm.token_count.completion': 12,
    'input.value': '{"messages": "…"}',
    'user.id': 'oi-user',
    metadata: JSON.stringify({ experiment: 'b' }),
    'tag.tags': ['beta', 'vision'],
  },
});

export const openInferenceChain = otlpSpan({
  spanId: 'b2b2b2b2b2b2b2b2',
  name: 'RetrievalChain',
  kind: 1,
  attributes: { 'openinference.span.kind': 'CHAIN', 'input.value': 'question', 'output.value': 'answer' },
});

export const openLlmetry = otlpSpan({
  spanId: 'c1c1c1c1c1c1c1c1',
  name: 'openai.chat',
  attributes: {
    'llm.request.type': 'chat',
    'gen_ai.system': 'OpenAI',
    'gen_ai.request.model': 'gpt-3.5-turbo',
    'gen_ai.response.model': 'gpt-3.5-turbo-0125',
    'gen_ai.request.temperature': 0.7,
    'gen_ai.usage.prompt_tokens': 30,
    'gen_ai.usage.completion_tokens': 9,
    'gen_ai.prompt.0.role': 'user',
    'gen_ai.prompt.0.content': 'Tell me a joke',
    'gen_ai.prompt.1.role': 'assistant',
    'gen_ai.prompt.1.tool_calls.0.id': 'c1',
    'gen_ai.prompt.1.tool_calls.0.name': 'joke_db',
    'gen_ai.prompt.1.tool_calls.0.arguments': '{"topic":"cats"}',
    'gen_ai.prompt.2.role': 'tool',
    'gen_ai.prompt.2.tool_call_id': 'c1',
    'gen_ai.prompt.2.content': 'Cats joke',
    'gen_ai.completion.0.role': 'assistant',
    'gen_ai.completion.0.content': 'Why did the cat…',
    'gen_ai.completion.0.finish_reason': 'stop',
    'gen_ai.request.functions.0.name': 'joke_db',
    'gen_ai.request.functions.0.parameters': '{"type":"object"}',
    'traceloop.association.properties.customer': 'acme',
  },
});

export const openLlmetryWorkflow = otlpSpan({
  spanId: 'c2c2c2c2c2c2c2c2',
  name: 'joke_workflow.workflow',
  kind: 1,
  attributes: { 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'joke_workflow' },
});

export const vercelGenerate = otlpSpan({
  spanId: 'd1d1d1d1d1d1d1d1',
  name: 'ai.generateText',
  kind: 1,
  attributes: {
    'ai.operationId': 'ai.generateText',
    'ai.model.id': 'gpt-4o',
    'ai.model.provider': 'openai.chat',
    'ai.prompt': JSON.stringify({ prompt: 'Write a haiku' }),
    'ai.response.text': 'Autumn moonlight…',
    'ai.usage.promptTokens': 10,
    'ai.usage.completionTokens': 20,
  },
});

export const vercelDoGenerate = otlpSpan({
  spanId: 'd2d2d2d2d2d2d2d2',
  parentSpanId: 'd1d1d1d1d1d1d1d1',
  name: 'ai.generateText.doGenerate',
  attributes: {
    'ai.operationId': 'ai.generateText.doGenerate',
    'ai.model.id': 'gpt-4o',
    'ai.model.provider': 'openai.chat',
    'ai.settings.maxRetries': 2,
    'ai.settings.temperature': 0.5,
    'ai.prompt.messages': JSON.stringify([
      { role: 'system', content: 'Poet.' },
      { role: 'user', content: [{ type: 'text', text: 'Write a haiku' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'v1', toolName: 'rhyme', args: { word: 'moon' } }],
      },
      {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: 'v1', toolName: 'rhyme', result: ['june'] }],
      },
    ]),
    'ai.response.text': 'Autumn moonlight…',
    'ai.usage.inputTokens': 10,
    'ai.usage.outputTokens': 20,
    'ai.telemetry.metadata.feature': 'poems',
  },
});

/** Already logged by /track-request: linked, never logged again. */
export const promptLayerManaged = otlpSpan({
  spanId: 'e1e1e1e1e1e1e1e1',
  name: 'openai.chat.completions.create',
  attributes: {
    'gen_ai.system': 'openai',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.usage.input_tokens': 5,
    'promptlayer.request_log.managed': true,
    'promptlayer.request_log.span_id': 'e0e0e0e0e0e0e0e0',
  },
});

export const failedCall = otlpSpan({
  spanId: 'f1f1f1f1f1f1f1f1',
  name: 'chat gpt-4o',
  status: { code: 'STATUS_CODE_ERROR', message: 'rate limited' },
  attributes: {
    'gen_ai.provider.name': 'azure.ai.openai',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }]),
  },
  events: [
    {
      name: 'exception',
      attributes: { 'exception.type': 'RateLimitError', 'exception.message': '429 Too Many Requests' },
    },
  ],
});
