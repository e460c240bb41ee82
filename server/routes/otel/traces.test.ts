/** POST /v1/traces, POST /spans-bulk and the trace reads, through the real app on both stores. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeExportResponse, encodeExportRequest } from '../../ingest/otel/otlp-protobuf.ts';
import { kv, otlpExport, otlpSpan, TRACE_ID } from '../../ingest/otel/testing/otlp-builders.ts';
import * as fixtures from '../../ingest/otel/testing/span-fixtures.ts';
import {
  countAll,
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  type TestApp,
} from '../../testing/test-app.ts';

const JSON_HEADERS = { ...KEY_HEADER, 'content-type': 'application/json' };
const PROTO_HEADERS = { ...KEY_HEADER, 'content-type': 'application/x-protobuf' };

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
  });
  afterAll(() => t.close());

  const postJson = (body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: KEY_HEADER });
  const trace = (n: number) => `${String(n).padStart(8, '0')}${TRACE_ID.slice(8)}`;
  const withTrace = (span: Record<string, unknown>, traceId: string): Record<string, unknown> => ({
    ...span,
    traceId,
  });

  it('OTLP/JSON: stores every span, logs the LLM ones, answers exactly 200 with partialSuccess null', async () => {
    const id = trace(1);
    const root = otlpSpan({
      traceId: id,
      spanId: '0101010101010101',
      name: 'agent run',
      kind: 'SPAN_KIND_INTERNAL',
      durationMs: 3000,
    });
    const spans = [
      root,
      withTrace({ ...fixtures.genAiAttributes, parentSpanId: '0101010101010101' }, id),
      withTrace({ ...fixtures.openInferenceChain, parentSpanId: '0101010101010101' }, id),
    ];
    const before = await countAll(t.store);
    const response = await postJson(otlpExport(spans));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ partialSuccess: null });
    expect(await countAll(t.store)).toBe(before + 1);

    const publicTrace = (await get(`/api/public/v2/traces/${id}`)).json();
    expect(publicTrace).toMatchObject({ success: true, trace_id: id });
    expect(publicTrace.spans.map((s: { name: string }) => s.name)).toEqual([
      'agent run',
      'chat gpt-4o',
      'RetrievalChain',
    ]);
    const llm = publicTrace.spans[1];
    expect(llm).toMatchObject({ span_id: 'a1a1a1a1a1a1a1a1', parent_id: '0101010101010101' });
    expect(llm.request_log_id).toBeGreaterThan(0);

    const request = (await get(`/api/public/v2/requests/${llm.request_log_id}`)).json();
    expect(request).toMatchObject({
      trace_id: id,
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      input_tokens: 52,
    });
    const dashboardTrace = (await get(`/api/requests/${llm.request_log_id}/trace`)).json();
    expect(dashboardTrace.spans).toHaveLength(3);
    const span = (await get(`/api/traces/${id}/spans/0202020202020202`)).statusCode;
    expect(span).toBe(404);
    const chain = (await get(`/api/traces/${id}/spans/b2b2b2b2b2b2b2b2`)).json();
    expect(chain).toMatchObject({
      attributes: { 'openinference.span.kind': 'CHAIN', 'output.value': 'answer' },
      resource: { 'service.name': 'test-app' },
    });
  });

  it('OTLP/protobuf, gzip-compressed: answers an ExportTraceServiceResponse in protobuf', async () => {
    const id = trace(2);
    const span = withTrace(fixtures.openLlmetry, id);
    const bytes = encodeExportRequest({
      resourceSpans: [
        {
          resource: { attributes: kv({ 'service.name': 'proto-app' }) },
          scopeSpans: [
            {
              spans: [
                { ...span, traceId: Buffer.from(id, 'hex'), spanId: Buffer.from(String(span.spanId), 'hex') },
              ],
            },
          ],
        },
      ],
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers: { ...PROTO_HEADERS, 'content-encoding': 'gzip' },
      payload: gzipSync(bytes),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-protobuf');
    expect(decodeExportResponse(response.rawPayload)).toEqual(expect.objectContaining({}));
    const stored = (await get(`/api/traces/${id}`)).json();
    expect(stored.spans).toHaveLength(1);
    const detail = (await get(`/api/requests/${stored.spans[0].requestId}`)).json();
    expect(detail).toMatchObject({ model: 'gpt-3.5-turbo-0125', traceId: id, spanId: 'c1c1c1c1c1c1c1c1' });
  });

  it('accepts base64 ids, string enums, snake_case and numbers for int64', async () => {
    const id = trace(3);
    const body = {
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: Buffer.from(id, 'hex').toString('base64'),
                  span_id: Buffer.from('0303030303030303', 'hex').toString('base64'),
                  name: 'snake',
                  kind: 'SPAN_KIND_SERVER',
                  start_time_unix_nano: 1_764_000_000_000_000_000,
                  end_time_unix_nano: '1764000000500000000',
                  status: { code: 'STATUS_CODE_ERROR', message: 'nope' },
                  attributes: [{ key: 'n', value: { int_value: 7 } }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect((await postJson(body)).statusCode).toBe(200);
    const span = (await get(`/api/traces/${id}/spans/0303030303030303`)).json();
    expect(span).toMatchObject({
      name: 'snake',
      kind: 2,
      statusCode: 2,
      statusMessage: 'nope',
      attributes: { n: 7 },
      endUs: 1_764_000_000_500_000,
    });
  });

  it('a re-sent export stores nothing twice', async () => {
    const id = trace(4);
    const body = otlpExport([withTrace(fixtures.vercelDoGenerate, id)]);
    await postJson(body);
    const before = await countAll(t.store);
    expect((await postJson(body)).statusCode).toBe(200);
    expect(await countAll(t.store)).toBe(before);
    expect((await get(`/api/traces/${id}`)).json().spans).toHaveLength(1);
  });

  it('rejects spans without ids or with too many attributes or too deep values in partialSuccess, keeping the rest', async () => {
    const id = trace(5);
    const attributes = Array.from({ length: 50_000 }, (_, i) => ({ key: `k${i}`, value: { intValue: i } }));
    let deep: Record<string, unknown> = { stringValue: 'bottom' };
    for (let i = 0; i < 200; i++) deep = { arrayValue: { values: [deep] } };
    const good = otlpSpan({ traceId: id, spanId: '0505050505050505', name: 'good' });
    const spans = [
      good,
      { ...good, spanId: undefined, name: 'no span id' },
      { ...good, traceId: '00000000000000000000000000000000', name: 'zero trace id' },
      { ...good, spanId: '0505050505050506', attributes },
      { ...good, spanId: '0505050505050507', attributes: [{ key: 'deep', value: deep }] },
    ];
    const response = await postJson(otlpExport(spans));
    expect(response.statusCode).toBe(200);
    const { partialSuccess } = response.json();
    expect(partialSuccess.rejectedSpans).toBe(4);
    expect(partialSuccess.errorMessage).toMatch(/spanId/);
    expect(partialSuccess.errorMessage).toMatch(/more than 1000 attributes/);
    expect(partialSuccess.errorMessage).toMatch(/nested deeper/);
    expect((await get(`/api/traces/${id}`)).json().spans.map((s: { name: string }) => s.name)).toEqual([
      'good',
    ]);
  });

  it('answers 400 for garbage protobuf, non-OTLP JSON and malformed gzip, 413 for 10,000 spans, writing nothing', async () => {
    const before = await countAll(t.store);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers: PROTO_HEADERS,
      payload: Buffer.from('\xff\xff\xff not protobuf'),
    });
    expect(garbage.statusCode).toBe(400);
    expect(errorOf(garbage).error).toBe('invalid_otlp');
    const notOtlp = await postJson({ hello: 'world' });
    expect(notOtlp.statusCode).toBe(400);
    expect(errorOf(notOtlp).message).toMatch(/^resourceSpans/);
    expect((await postJson('{"resourceSpans": [')).statusCode).toBe(400);
    const badGzip = await t.app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      payload: 'not gzip',
    });
    expect(badGzip.statusCode).toBe(400);
    const id = trace(6);
    const many = Array.from({ length: 10_000 }, (_, i) =>
      withTrace({ ...fixtures.genAiOpenAiShape, spanId: (i + 1).toString(16).padStart(16, '0') }, id),
    );
    const tooMany = await postJson(otlpExport(many));
    expect(tooMany.statusCode).toBe(413);
    expect(errorOf(tooMany).error).toBe('too_many_spans');
    expect((await get(`/api/traces/${id}`)).statusCode).toBe(404);
    expect(await countAll(t.store)).toBe(before);
    expect((await get('/api/health')).statusCode).toBe(200);
  });

  it('needs a key (X-API-KEY or Bearer)', async () => {
    const body = otlpExport([otlpSpan({ traceId: trace(7), spanId: '0707070707070707', name: 'x' })]);
    expect((await postJson(body, { 'content-type': 'application/json' })).statusCode).toBe(401);
    expect(
      (await postJson(body, { 'content-type': 'application/json', authorization: 'Bearer nope' })).statusCode,
    ).toBe(401);
    const bearer = { 'content-type': 'application/json', authorization: `Bearer ${KEY_HEADER['x-api-key']}` };
    expect((await postJson(body, bearer)).statusCode).toBe(200);
  });

  it('POST /spans-bulk: PromptLayer span JSON with ns strings and numbers, unpadded parent ids and log_request', async () => {
    const id = trace(8);
    const span = (spanId: string, patch: Record<string, unknown>) => ({
      name: 'PromptLayer Run',
      kind: 'SpanKind.INTERNAL',
      parent_id: null,
      context: { trace_id: id, span_id: spanId, trace_state: '[]' },
      start_time: '1718000000123456789',
      // Python sends an int past 2^53 (JSON.parse rounds it).
      end_time: Number('1718000001123456789'),
      status: { status_code: 'StatusCode.UNSET' },
      attributes: { function_input: '{"a":1}' },
      events: [],
      links: [],
      resource: { attributes: { 'service.name': 'prompt-layer-library' }, schema_url: '' },
      ...patch,
    });
    const logRequest = {
      provider: 'openai',
      model: 'gpt-4o',
      input: { type: 'chat', messages: [{ role: 'user', content: 'hi' }] },
      output: { type: 'chat', messages: [{ role: 'assistant', content: 'hello' }] },
      request_start_time: 1718000000.1,
      request_end_time: 1718000001.1,
    };
    const response = await t.app.inject({
      method: 'POST',
      url: '/spans-bulk',
      headers: KEY_HEADER,
      payload: {
        spans: [
          span('0000000000000a01', { parent_id: 'a00', name: 'child', log_request: logRequest }),
          span('0000000000000a00', {}),
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.success).toBe(true);
    expect(body.spans.map((s: { span_id: string }) => s.span_id)).toEqual([
      '0000000000000a01',
      '0000000000000a00',
    ]);
    expect(body.request_logs).toHaveLength(1);
    const stored = (await get(`/api/traces/${id}`)).json();
    const child = stored.spans.find((s: { name: string }) => s.name === 'child');
    expect(child).toMatchObject({
      parentSpanId: '0000000000000a00',
      startUs: 1718000000123456,
      requestId: body.request_logs[0].id,
    });
    expect((await get(`/api/public/v2/requests/${body.request_logs[0].id}`)).json()).toMatchObject({
      trace_id: id,
      model: 'gpt-4o',
    });

    const bad = await t.app.inject({
      method: 'POST',
      url: '/spans-bulk',
      headers: KEY_HEADER,
      payload: {
        spans: [
          span('0000000000000b01', {}),
          span('0000000000000b02', { log_request: { provider: 'openai' } }),
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).message).toMatch(/^spans\.1\.log_request/);
    expect((await get(`/api/traces/${id}/spans/0000000000000b01`)).statusCode).toBe(404);
  });

  it('GET /api/requests?trace= lists the requests of a trace; a bad trace id is a 400 naming it', async () => {
    const id = trace(9);
    await postJson(
      otlpExport([withTrace(fixtures.genAiAttributes, id), withTrace(fixtures.openLlmetry, id)]),
    );
    const list = (await get(`/api/requests?trace=${id}`)).json();
    expect(list.rows.map((row: { traceId: string }) => row.traceId)).toEqual([id, id]);
    expect((await get(`/api/requests/count?trace=${id}`)).json()).toEqual({ total: 2 });
    const bad = await get('/api/requests?trace=nope');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/^trace/);
  });

  it('a span /track-request already logged (same span_id, or managed) is linked, not logged twice', async () => {
    const id = trace(10);
    const track = (spanId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/track-request',
        payload: {
          api_key: KEY_HEADER['x-api-key'],
          function_name: 'openai.chat.completions.create',
          provider_type: 'openai',
          kwargs: { model: 'gpt-4o', messages: [{ role: 'user', content: 'tracked' }] },
          request_response: { model: 'gpt-4o', choices: [{ message: { role: 'assistant', content: 'ok' } }] },
          request_start_time: '2026-01-01T10:00:00.000Z',
          request_end_time: '2026-01-01T10:00:01.000Z',
          span_id: spanId,
        },
      });
    const plain = await track('0a0a0a0a0a0a0a01');
    const managed = await track('0a0a0a0a0a0a0a02');
    expect([plain.statusCode, managed.statusCode]).toEqual([200, 200]);
    const before = await countAll(t.store);
    const llm = { ...fixtures.genAiOpenAiShape, traceId: id };
    const spans = [
      { ...llm, spanId: '0a0a0a0a0a0a0a01' },
      {
        ...fixtures.promptLayerManaged,
        traceId: id,
        spanId: '0b0b0b0b0b0b0b01',
        attributes: kv({
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 5,
          'promptlayer.request_log.managed': true,
          'promptlayer.request_log.span_id': '0a0a0a0a0a0a0a02',
        }),
      },
    ];
    expect((await postJson(otlpExport(spans))).statusCode).toBe(200);
    expect(await countAll(t.store)).toBe(before);
    const stored = (await get(`/api/traces/${id}`)).json().spans as { spanId: string; requestId: number }[];
    const bySpan = Object.fromEntries(stored.map((s) => [s.spanId, s.requestId]));
    expect(bySpan['0a0a0a0a0a0a0a01']).toBe(plain.json().request_id);
    expect(bySpan['0b0b0b0b0b0b0b01']).toBe(managed.json().request_id);
    for (const requestId of [plain.json().request_id, managed.json().request_id])
      expect((await get(`/api/public/v2/requests/${requestId}`)).json().trace_id).toBe(id);
  });

  it('trace reads validate their ids', async () => {
    expect((await get('/api/public/v2/traces/not-hex')).statusCode).toBe(400);
    expect((await get(`/api/public/v2/traces/${'f'.repeat(32)}`)).statusCode).toBe(404);
    expect((await get(`/api/traces/${'f'.repeat(32)}/spans/xyz`)).statusCode).toBe(400);
  });
});
