import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  type TestApp,
} from '../../testing/test-app.ts';
import { getRequestResponseSample, toolCallRequest } from '../../testing/wire-samples.ts';

forEachStore((kind) => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    id = await logRequest(t.app, toolCallRequest());
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = KEY_HEADER) =>
    t.app.inject({ method: 'GET', url, headers });

  describe('GET /api/public/v2/requests/:id', () => {
    it('returns the blueprint and every documented field of the sample response', async () => {
      const response = await get(`/api/public/v2/requests/${id}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as Record<string, unknown>;
      const expected = getRequestResponseSample();
      for (const key of Object.keys(expected)) expect(body).toHaveProperty(key);
      expect(body).toMatchObject({
        success: true,
        request_id: id,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 64,
        output_tokens: 21,
        tokens: 85,
        price: 0.000275,
        latency_ms: 876,
        trace_id: null,
        prompt_blueprint: {
          prompt_template: {
            type: 'chat',
            tools: [{ type: 'function', function: { name: 'lookup_order' } }],
          },
          metadata: {
            model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0, max_tokens: 256 } },
          },
        },
        tags: ['production', 'support-bot'],
        metadata: { customer_id: 'c_881', channel: 'web' },
        scores: [{ name: 'default', score: 75 }],
        status: 'SUCCESS',
        prompt_name: 'order-status',
        prompt_version_number: 2,
        prompt_input_variables: { order_id: 'A-1042' },
        function_name: 'openai.chat.completions.create',
      });
      expect(Date.parse(body.request_start_time as string)).toBe(Date.parse('2025-04-07T09:00:00Z'));
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
