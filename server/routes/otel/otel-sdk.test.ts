/**
 * The real OpenTelemetry Node SDK exporting to a listening server, with both OTLP/HTTP exporters
 * (JSON: exporter-trace-otlp-http; protobuf: exporter-trace-otlp-proto).
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as HttpExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, KEY_HEADER, TEST_KEY, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

async function exportAgentTrace(exporter: SpanExporter, model: string): Promise<string> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'sdk-test' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('promptlog-test', '1.0.0');
  const root = tracer.startSpan('agent', { kind: SpanKind.INTERNAL });
  const inRoot = trace.setSpan(context.active(), root);
  const llm = tracer.startSpan(
    `chat ${model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': model,
        'gen_ai.usage.input_tokens': 11,
        'gen_ai.usage.output_tokens': 4,
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: 'Hi SDK' }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'Hello' }] },
        ]),
      },
    },
    inRoot,
  );
  llm.end();
  const tool = tracer.startSpan('tool: lookup', { attributes: { 'input.value': 'q' } }, inRoot);
  tool.recordException(new Error('lookup failed'));
  tool.setStatus({ code: SpanStatusCode.ERROR, message: 'lookup failed' });
  tool.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
  return root.spanContext().traceId;
}

describe.each([
  [
    'exporter-trace-otlp-http (JSON)',
    (url: string) => new HttpExporter({ url, headers: KEY_HEADER }),
    'gpt-4o',
  ],
  [
    'exporter-trace-otlp-proto (protobuf)',
    (url: string) => new ProtoExporter({ url, headers: { authorization: `Bearer ${TEST_KEY}` } }),
    'gpt-4o-mini',
  ],
])('OpenTelemetry Node SDK, %s', (_name, makeExporter, model) => {
  it('stores the trace and logs the LLM span as a request linked to it', async () => {
    const traceId = await exportAgentTrace(makeExporter(`${base}/v1/traces`), model);
    const stored = await t.app.inject({ method: 'GET', url: `/api/traces/${traceId}`, headers: KEY_HEADER });
    expect(stored.statusCode).toBe(200);
    const spans = stored.json().spans as {
      name: string;
      spanId: string;
      requestId: number | null;
      parentSpanId: string | null;
      statusCode: number;
    }[];
    expect(spans.map((s) => s.name).sort()).toEqual(['agent', `chat ${model}`, 'tool: lookup']);
    const llm = spans.find((s) => s.name === `chat ${model}`);
    const tool = spans.find((s) => s.name === 'tool: lookup');
    expect(tool).toMatchObject({ statusCode: 2, requestId: null });
    const agent = spans.find((s) => s.name === 'agent');
    expect(agent?.parentSpanId).toBeNull();
    expect(llm?.parentSpanId).toBe(agent?.spanId);
    const request = await t.app.inject({
      method: 'GET',
      url: `/api/public/v2/requests/${llm?.requestId}`,
      headers: KEY_HEADER,
    });
    expect(request.json()).toMatchObject({
      trace_id: traceId,
      model,
      provider: 'openai',
      input_tokens: 11,
      output_tokens: 4,
    });
  });
});
