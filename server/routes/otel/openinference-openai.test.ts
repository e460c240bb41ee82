/**
 * A real `openai` client instrumented by @arizeai/openinference-instrumentation-openai, talking to
 * a fake provider on loopback, exporting its spans with the OTel SDK to a listening Promptlog.
 */
import { OpenAIInstrumentation } from '@arizeai/openinference-instrumentation-openai';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as openaiModule from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-llm-provider.ts';
import { createTestApp, KEY_HEADER, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let provider: FakeProvider;
let tracerProvider: BasicTracerProvider;
beforeAll(async () => {
  t = await createTestApp();
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  provider = await startFakeProvider();
  tracerProvider = new BasicTracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${base}/v1/traces`, headers: KEY_HEADER })),
    ],
  });
  const instrumentation = new OpenAIInstrumentation({ tracerProvider });
  instrumentation.manuallyInstrument(openaiModule as never);
});
afterAll(async () => {
  await tracerProvider.shutdown();
  await provider.close();
  await t.close();
});

it('logs the instrumented chat completion as a request with its messages, tokens and trace', async () => {
  const client = new openaiModule.OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-fake' });
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    temperature: 0.2,
    messages: [
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'OpenInference says hi' },
    ],
  });
  expect(completion.choices[0]?.message.content).toContain('OpenInference says hi');
  await tracerProvider.forceFlush();

  const list = await t.app.inject({ method: 'GET', url: '/api/requests', headers: KEY_HEADER });
  const rows = list.json().rows as { id: number; traceId: string | null; model: string }[];
  expect(rows).toHaveLength(1);
  const detail = (
    await t.app.inject({ method: 'GET', url: `/api/requests/${rows[0]?.id}`, headers: KEY_HEADER })
  ).json();
  expect(detail.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(detail.provider).toBe('openai');
  expect(detail.model).toContain('gpt-4o-mini');
  expect(detail.parameters).toMatchObject({ temperature: 0.2 });
  expect(detail.input.messages).toEqual([
    { role: 'system', content: [{ type: 'text', text: 'Be terse.' }] },
    { role: 'user', content: [{ type: 'text', text: 'OpenInference says hi' }] },
  ]);
  expect(JSON.stringify(detail.output)).toContain('OpenInference says hi');
  expect(detail.inputTokens).toBeGreaterThan(0);
});
