import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../app.ts';
import { logBody } from '../../testing/factories.ts';
import {
  countAll,
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';
import {
  failedCompletionRequest,
  logRequestResponseSample,
  toolCallRequest,
} from '../../testing/wire-samples.ts';

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
  });
  afterAll(() => t.close());

  const post = (payload: unknown, headers: Record<string, string> = KEY_HEADER, url = '/log-request') =>
    t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

  async function detailOf(id: number) {
    const response = await t.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: KEY_HEADER });
    expect(response.statusCode).toBe(200);
    return response.json() as Record<string, unknown>;
  }

  describe('POST /log-request', () => {
    it('answers exactly 201 with both id and request_id, in the shape of the sample', async () => {
      const response = await post(toolCallRequest());
      expect(response.statusCode).toBe(201);
      const body = response.json() as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(Object.keys(logRequestResponseSample()).sort());
      expect(body.id).toBeGreaterThan(0);
      expect(body.request_id).toBe(body.id);
      expect(body).toMatchObject({
        prompt_version: null,
        status: 'SUCCESS',
        error_type: null,
        error_message: null,
      });

      const detail = await detailOf(body.id as number);
      expect(detail).toMatchObject({
        provider: 'openai',
        model: 'gpt-4o',
        promptName: 'order-status',
        promptVersion: 2,
        tags: ['production', 'support-bot'],
        metadata: { customer_id: 'c_881', channel: 'web' },
        scores: { default: 75 },
        isToolCall: true,
        toolNames: ['lookup_order'],
        inputTokens: 64,
        outputTokens: 21,
        startTime: '2025-04-07T09:00:00.000Z',
      });
    });

    it('echoes status, error type and message of an error request', async () => {
      const response = await post(failedCompletionRequest());
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        status: 'ERROR',
        error_type: 'PROVIDER_TIMEOUT',
        error_message: 'No answer from the provider within 30 s',
      });
    });

    it.each([
      ['ISO-8601', '2025-03-15T10:30:00Z', '2025-03-15T10:30:01.500Z', '2025-03-15T10:30:00.000Z', 1500],
      ['epoch seconds (float)', 1742034602.1, 1742034603.4, '2025-03-15T10:30:02.100Z', 1300],
      ['epoch milliseconds', 1742034602100, 1742034603400, '2025-03-15T10:30:02.100Z', 1300],
    ])('accepts %s timestamps', async (_label, start, end, startIso, latency) => {
      const response = await post(logBody({ request_start_time: start, request_end_time: end }));
      expect(response.statusCode).toBe(201);
      const detail = await detailOf((response.json() as { id: number }).id);
      expect(detail.startTime).toBe(startIso);
      expect(detail.latencyMs).toBe(latency);
    });

    it('accepts camelCase aliases', async () => {
      const { request_start_time: _a, request_end_time: _b, ...rest } = logBody();
      const response = await post({
        ...rest,
        requestStartTime: 1742034602100,
        requestEndTime: 1742034603100,
        inputTokens: 11,
        outputTokens: 22,
        promptName: 'camel',
        promptVersionNumber: 4,
        functionName: 'openai.chat.completions.create',
        apiType: 'chat-completions',
        errorMessage: 'slow',
        status: 'WARNING',
        errorType: 'PROVIDER_RATE_LIMIT',
      });
      expect(response.statusCode).toBe(201);
      const detail = await detailOf((response.json() as { id: number }).id);
      expect(detail).toMatchObject({
        inputTokens: 11,
        outputTokens: 22,
        promptName: 'camel',
        promptVersion: 4,
        functionName: 'openai.chat.completions.create',
        apiType: 'chat-completions',
        status: 'WARNING',
        errorType: 'PROVIDER_RATE_LIMIT',
        errorMessage: 'slow',
        latencyMs: 1000,
      });
    });

    it("creates no score for the Python SDK's score: 0 + score_name: null", async () => {
      const none = await post(logBody({ score: 0, score_name: null }));
      expect((await detailOf((none.json() as { id: number }).id)).scores).toEqual({});
      const named = await post(logBody({ score: 0, score_name: 'accuracy' }));
      expect((await detailOf((named.json() as { id: number }).id)).scores).toEqual({ accuracy: 0 });
      const unnamed = await post(logBody({ score: 70 }));
      expect((await detailOf((unnamed.json() as { id: number }).id)).scores).toEqual({ default: 70 });
    });

    it('stores string content as text blocks', async () => {
      const response = await post(
        logBody({
          input: { type: 'chat', messages: [{ role: 'user', content: 'plain string' }] },
          output: { type: 'completion', content: 'done' },
        }),
      );
      const detail = await detailOf((response.json() as { id: number }).id);
      expect(detail.input).toEqual({
        type: 'chat',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'plain string' }] }],
      });
      expect(detail.output).toEqual({ type: 'completion', content: [{ type: 'text', text: 'done' }] });
    });

    it('stores NUL characters as U+FFFD on every adapter instead of failing', async () => {
      const response = await post(
        logBody({
          output: { type: 'completion', content: 'a\u0000b' },
          tags: ['t\u0000'],
          metadata: { 'k\u0000': 'v\u0000' },
        }),
      );
      expect(response.statusCode).toBe(201);
      const detail = await detailOf((response.json() as { id: number }).id);
      expect(detail.output).toEqual({ type: 'completion', content: [{ type: 'text', text: 'a\uFFFDb' }] });
      expect(detail.tags).toEqual(['t\uFFFD']);
      expect(detail.metadata).toEqual({ 'k\uFFFD': 'v\uFFFD' });
    });

    it('takes the key from X-API-KEY in any case, or from body.api_key', async () => {
      expect((await post(logBody(), { 'X-Api-Key': TEST_KEY })).statusCode).toBe(201);
      expect((await post(logBody(), { 'X-API-KEY': TEST_KEY })).statusCode).toBe(201);
      expect((await post(logBody({ api_key: TEST_KEY }), {})).statusCode).toBe(201);
    });

    it('collapses duplicate slashes (SDK base URL with a trailing slash)', async () => {
      expect((await post(logBody(), KEY_HEADER, '//log-request')).statusCode).toBe(201);
    });

    it.each([
      ['no key at all', {}, {}],
      ['a wrong header key', { 'x-api-key': 'nope' }, {}],
      ['a wrong body key', {}, { api_key: 'nope' }],
      ['an empty header key', { 'x-api-key': '' }, {}],
    ])('answers 401 JSON for %s and writes nothing', async (_label, headers, extra) => {
      const before = await countAll(t.store);
      const response = await post(logBody(extra), headers);
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).error).toBe('unauthorized');
      expect(await countAll(t.store)).toBe(before);
    });

    it('refuses a wrong header key before reading the body', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { 'x-api-key': 'nope', 'content-type': 'application/json' },
        payload: '{"not json',
      });
      // A 400 would mean the body was parsed first.
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).error).toBe('unauthorized');
    });

    it.each([
      ['missing model', { model: undefined }, 'model'],
      ['missing request_end_time', { request_end_time: undefined }, 'request_end_time'],
      ['input of the wrong type', { input: 'hello' }, 'input'],
      ['tags not an array', { tags: 'prod' }, 'tags'],
      ['score 101', { score: 101 }, 'score'],
      ['score -1', { score: -1 }, 'score'],
      ['score 85.5', { score: 85.5 }, 'score'],
      ['score "abc"', { score: 'abc' }, 'score'],
      ['an unparseable timestamp', { request_start_time: 'not a date' }, 'request_start_time'],
      ['input_tokens as a string', { input_tokens: '12' }, 'input_tokens'],
      ['status lower-case', { status: 'success' }, 'status'],
      ['input_tokens beyond 32 bits', { input_tokens: 2 ** 31 }, 'input_tokens'],
      ['prompt_version_number beyond 32 bits', { prompt_version_number: 2 ** 31 }, 'prompt_version_number'],
    ])('answers 422 naming the field for %s, and writes nothing', async (_label, patch, field) => {
      const before = await countAll(t.store);
      const response = await post(logBody(patch));
      expect(response.statusCode).toBe(422);
      const body = errorOf(response);
      expect(body.error).toBe('validation_error');
      expect(body.message.startsWith(`${field}:`)).toBe(true);
      expect(body.detail?.[0]?.loc).toEqual(['body', ...field.split('.')]);
      expect(await countAll(t.store)).toBe(before);
    });

    it('answers 400 JSON for malformed JSON and writes nothing', async () => {
      const before = await countAll(t.store);
      const response = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: '{"provider": "openai", ',
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).error).toBe('malformed_json');
      expect(await countAll(t.store)).toBe(before);
    });

    it('answers 422 for an empty body and 415 for a non-JSON content type', async () => {
      const empty = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: '',
      });
      expect(empty.statusCode).toBe(422);
      errorOf(empty);
      const text = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { ...KEY_HEADER, 'content-type': 'application/xml' },
        payload: '<log/>',
      });
      expect(text.statusCode).toBe(415);
      expect(errorOf(text).error).toBe('unsupported_media_type');
    });

    it(`answers 413 JSON above the ${BODY_LIMIT_BYTES / 1024 / 1024} MB body limit, and writes nothing`, async () => {
      const before = await countAll(t.store);
      const big = 'x'.repeat(BODY_LIMIT_BYTES + 1024);
      const response = await t.app.inject({
        method: 'POST',
        url: '/log-request',
        headers: { ...KEY_HEADER, 'content-type': 'application/json' },
        payload: JSON.stringify(logBody({ output: { type: 'completion', content: big } })),
      });
      expect(response.statusCode).toBe(413);
      expect(errorOf(response).error).toBe('payload_too_large');
      expect(await countAll(t.store)).toBe(before);
    });

    it('accepts a multi-megabyte payload under the limit', async () => {
      const big = 'y'.repeat(5 * 1024 * 1024);
      const response = await post(logBody({ output: { type: 'completion', content: big } }));
      expect(response.statusCode).toBe(201);
      const detail = await detailOf((response.json() as { id: number }).id);
      expect((detail.output as { content: { text: string }[] }).content[0]?.text).toHaveLength(big.length);
    });
  });
});
