import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logBody,
  logRequest,
  type TestApp,
} from '../test-app.ts';
import { readFixture } from '../test-fixtures.ts';

forEachStore((kind) => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    id = await logRequest(t.app, readFixture('log_request_toolcall.json'));
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = KEY_HEADER) =>
    t.app.inject({ method: 'GET', url, headers });

  describe('GET /api/public/v2/requests/:id', () => {
    it('returns the blueprint and every documented field of the fixture response', async () => {
      const response = await get(`/api/public/v2/requests/${id}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as Record<string, unknown>;
      const expected = readFixture('get_request_response.json');
      for (const key of Object.keys(expected)) expect(body).toHaveProperty(key);
      expect(body).toMatchObject({
        success: true,
        request_id: id,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 87,
        output_tokens: 18,
        tokens: 105,
        price: 0.000398,
        latency_ms: 1234,
        trace_id: null,
        prompt_blueprint: {
          prompt_template: { type: 'chat', tools: [{ type: 'function', function: { name: 'get_weather' } }] },
          metadata: {
            model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.2, max_tokens: 512 } },
          },
        },
        tags: ['production', 'weather-bot'],
        metadata: { user_id: 'user_123', session_id: 'sess_abc' },
        scores: [{ name: 'default', score: 90 }],
        status: 'SUCCESS',
        prompt_name: 'weather-assistant',
        prompt_version_number: 3,
        prompt_input_variables: { city: 'Paris' },
        function_name: 'openai.chat.completions.create',
      });
      expect(Date.parse(body.request_start_time as string)).toBe(Date.parse('2025-03-15T10:30:00Z'));
      const template = (body.prompt_blueprint as { prompt_template: { messages: unknown[] } })
        .prompt_template;
      expect(template.messages).toHaveLength(2);
      expect((body.output as { messages: { tool_calls: unknown[] }[] }).messages[0]?.tool_calls).toHaveLength(
        1,
      );
    });

    it('also answers on the older singular path and with duplicate slashes', async () => {
      expect((await get(`/api/public/v2/request/${id}`)).statusCode).toBe(200);
      expect((await get(`//api/public/v2/requests/${id}`)).statusCode).toBe(200);
    });

    it('answers 404 JSON for an unknown id, 400 for a non-numeric one, 401 without a key', async () => {
      const missing = await get('/api/public/v2/requests/99999999');
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing).error).toBe('request_not_found');
      const bad = await get('/api/public/v2/requests/abc');
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message.startsWith('request_id:')).toBe(true);
      const anonymous = await get(`/api/public/v2/requests/${id}`, {});
      expect(anonymous.statusCode).toBe(401);
      errorOf(anonymous);
    });

    it('maps a completion request with no output text', async () => {
      const other = await logRequest(t.app, logBody({ input: { type: 'completion', content: 'Say hi' } }));
      const body = (await get(`/api/public/v2/requests/${other}`)).json() as {
        prompt_blueprint: { prompt_template: unknown };
      };
      expect(body.prompt_blueprint.prompt_template).toEqual({
        type: 'completion',
        content: [{ type: 'text', text: 'Say hi' }],
      });
    });
  });
});
