/**
 * OTLP: ingest throughput (POST /v1/traces, batches of 512 spans, half of them LLM spans that
 * become requests, from 4 clients) and the read of one 1,000-span trace.
 */
import { randomBytes } from 'node:crypto';
import { BenchHttp } from './http-client.ts';
import { INGEST_TAG } from './ingest-bench.ts';
import { summarize } from './percentile.ts';
import type { BenchResult } from './types.ts';

export const OTLP_BATCH = 512;
export const OTLP_CLIENTS = 4;
export const OTLP_BUDGET_SPANS_PER_SECOND = 10_000;
export const TRACE_READ_SPANS = 1_000;
export const TRACE_READ_BUDGET_P95_MS = 20;

const str = (stringValue: string) => ({ stringValue });
const int = (n: number) => ({ intValue: String(n) });
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function span(traceId: string, parent: string | null, i: number, startNs: bigint, llm: boolean) {
  const attributes = llm
    ? [
        { key: 'gen_ai.operation.name', value: str('chat') },
        { key: 'gen_ai.provider.name', value: str('openai') },
        { key: 'gen_ai.request.model', value: str(i % 3 === 0 ? 'gpt-4o' : 'gpt-4o-mini') },
        { key: 'gen_ai.usage.input_tokens', value: int(100 + (i % 50)) },
        { key: 'gen_ai.usage.output_tokens', value: int(20 + (i % 30)) },
        { key: 'tag.tags', value: { arrayValue: { values: [str(INGEST_TAG)] } } },
        {
          key: 'gen_ai.input.messages',
          value: str(
            JSON.stringify([
              { role: 'user', parts: [{ type: 'text', content: `Question ${i}: what is ${i} squared?` }] },
            ]),
          ),
        },
        {
          key: 'gen_ai.output.messages',
          value: str(JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: `${i * i}` }] }])),
        },
      ]
    : [
        { key: 'input.value', value: str(`step ${i}`) },
        { key: 'http.method', value: str('GET') },
      ];
  const start = startNs + BigInt(i) * 1_000_000n;
  return {
    traceId,
    spanId: hex(8),
    ...(parent ? { parentSpanId: parent } : {}),
    name: llm ? 'chat gpt-4o' : `step ${i}`,
    kind: llm ? 3 : 1,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: (start + 500_000_000n).toString(),
    attributes,
    status: { code: 0 },
  };
}

/** One export of `count` spans in one trace (a root and its children), every other one an LLM span. */
export function otlpBatchBody(count: number, traceId = hex(16)): string {
  const startNs = BigInt(Date.now()) * 1_000_000n;
  const root = span(traceId, null, 0, startNs, false);
  const spans = [
    root,
    ...Array.from({ length: count - 1 }, (_, i) => span(traceId, root.spanId, i + 1, startNs, i % 2 === 0)),
  ];
  return JSON.stringify({
    resourceSpans: [
      { resource: { attributes: [{ key: 'service.name', value: str('bench') }] }, scopeSpans: [{ spans }] },
    ],
  });
}

export async function runOtlpIngestBench(options: {
  baseUrl: string;
  apiKey: string;
  batches: number;
}): Promise<{
  result: BenchResult;
  spansPerSecond: number;
  errors: number;
}> {
  const bodies = Array.from({ length: options.batches }, () => otlpBatchBody(OTLP_BATCH));
  const http = new BenchHttp(options.baseUrl, options.apiKey, OTLP_CLIENTS);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError = '';
  const client = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const result = await http.send('POST', '/v1/traces', bodies[i]).catch((error: unknown) => ({
        status: 0,
        body: String(error),
        ms: 0,
      }));
      if (result.status === 200 && result.body === '{"partialSuccess":null}') latencies.push(result.ms);
      else {
        errors++;
        firstError ||= `${result.status} ${result.body.slice(0, 160)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: OTLP_CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  http.close();
  const spans = bodies.length * OTLP_BATCH;
  const spansPerSecond = Math.round(spans / seconds);
  const stats = summarize(latencies);
  const note = [
    `${spansPerSecond} spans/s`,
    `${errors} errors`,
    `${OTLP_CLIENTS} clients`,
    `${spans} spans (half LLM)`,
  ];
  if (firstError) note.push(`first error: ${firstError}`);
  return {
    result: {
      section: 'ingest',
      name: `POST /v1/traces (${OTLP_BATCH}-span batches)`,
      samples: stats.samples,
      p50: stats.p50,
      p95: stats.p95,
      budget: `≥ ${OTLP_BUDGET_SPANS_PER_SECOND} spans/s, 0 errors`,
      note: note.join('; '),
    },
    spansPerSecond,
    errors,
  };
}

/** Stores one 1,000-span trace, then times GET /api/traces/:id. */
export async function runTraceReadBench(options: {
  baseUrl: string;
  apiKey: string;
  samples: number;
}): Promise<BenchResult> {
  const http = new BenchHttp(options.baseUrl, options.apiKey, 1);
  const traceId = hex(16);
  const sent = await http.send('POST', '/v1/traces', otlpBatchBody(TRACE_READ_SPANS, traceId));
  if (sent.status !== 200) throw new Error(`POST /v1/traces → ${sent.status}: ${sent.body.slice(0, 200)}`);
  for (let i = 0; i < 10; i++) await http.getJson(`/api/traces/${traceId}`);
  const times: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const { data, ms } = await http.getJson<{ spans: unknown[] }>(`/api/traces/${traceId}`);
    if (data.spans.length !== TRACE_READ_SPANS)
      throw new Error(`trace read returned ${data.spans.length} spans`);
    times.push(ms);
  }
  http.close();
  const stats = summarize(times);
  return {
    section: 'read',
    name: `trace of ${TRACE_READ_SPANS.toLocaleString('en')} spans`,
    samples: stats.samples,
    p50: stats.p50,
    p95: stats.p95,
    budget: `p95 ≤ ${TRACE_READ_BUDGET_P95_MS} ms`,
  };
}
