/**
 * The real `promptlayer` JS SDK with the real `openai` and `@anthropic-ai/sdk` clients against a
 * listening Promptlog and a fake provider on loopback: every call returns normally and its
 * request reads back with the right blueprint.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-llm-provider.ts';
import { createTestApp, forEachStore, TEST_KEY, type TestApp } from '../../testing/test-app.ts';

// The SDK's CommonJS build: its wrapped clients load `openai` / `@anthropic-ai/sdk` with require().
const { PromptLayer } = createRequire(import.meta.url)('promptlayer') as typeof import('promptlayer');

type Json = Record<string, unknown>;

forEachStore((kind) => {
  let t: TestApp;
  let provider: FakeProvider;
  let promptlayer: InstanceType<typeof PromptLayer>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    provider = await startFakeProvider();
    t = await createTestApp({}, kind);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    promptlayer = new PromptLayer({ apiKey: TEST_KEY, baseURL: `http://127.0.0.1:${port}` });
    // run() builds its own provider clients, which read these.
    process.env.OPENAI_BASE_URL = `${provider.url}/v1`;
    process.env.OPENAI_API_KEY = 'sk-fake';
  });
  afterAll(async () => {
    process.env = savedEnv;
    await t.close();
    await provider.close();
  });

  const detail = async (id: number) => {
    const found = await t.store.getRequest(id);
    if (!found) throw new Error(`request ${id} not stored`);
    return found;
  };

  describe('wrapped clients', () => {
    it('OpenAI chat with tools: the app gets the reply and the request id; the tool call is stored', async () => {
      const OpenAI = promptlayer.OpenAI;
      const openai = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-fake' });
      const tools = [
        {
          type: 'function',
          function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
        },
      ];
      const [reply, id] = await openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools,
        temperature: 0.3,
        return_pl_id: true,
        pl_tags: ['sdk-test'],
      });
      expect(reply.choices[0].message.tool_calls[0].function.name).toBe('get_weather');
      const stored = await detail(id);
      expect(stored).toMatchObject({
        provider: 'openai',
        model: 'gpt-4o-fake',
        inputTokens: 11,
        outputTokens: 5,
        tags: ['sdk-test'],
      });
      expect(stored.parameters).toEqual({ temperature: 0.3 });
      expect((stored.input as Json).tools).toEqual(tools);
      expect(stored.output).toEqual({
        type: 'chat',
        messages: [
          {
            role: 'assistant',
            content: [],
            tool_calls: [
              {
                id: 'call_fake_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              },
            ],
          },
        ],
      });
    });

    it('OpenAI streaming: chunks reach the app, then the assembled reply is logged', async () => {
      const OpenAI = promptlayer.OpenAI;
      const openai = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-fake' });
      const stream = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'stream me' }],
        stream: true,
        stream_options: { include_usage: true },
        return_pl_id: true,
      });
      let text = '';
      let id: number | null = null;
      for await (const [chunk, requestId] of stream) {
        if (requestId === null) text += chunk.choices[0]?.delta?.content ?? '';
        else id = requestId;
      }
      expect(text).toBe('echo: stream me');
      expect(id).not.toBeNull();
      const stored = await detail(id as number);
      expect(stored.output).toEqual({
        type: 'chat',
        messages: [{ role: 'assistant', content: [{ type: 'text', text: 'echo: stream me' }] }],
      });
      expect(stored.outputTokens).toBe(3);
    });

    it('Anthropic messages', async () => {
      const Anthropic = promptlayer.Anthropic;
      const anthropic = new Anthropic({ baseURL: provider.url, apiKey: 'sk-ant-fake' });
      const [reply, id] = await anthropic.messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 100,
        system: 'Be nice',
        messages: [{ role: 'user', content: 'Bonjour' }],
        return_pl_id: true,
      });
      expect(reply.content[0].text).toBe('echo: Bonjour');
      const stored = await detail(id);
      expect(stored).toMatchObject({
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        inputTokens: 13,
        outputTokens: 4,
      });
      expect((stored.input as { messages: Json[] }).messages).toEqual([
        { role: 'system', content: [{ type: 'text', text: 'Be nice' }] },
        { role: 'user', content: [{ type: 'text', text: 'Bonjour' }] },
      ]);
    });
  });

  describe('templates and run()', () => {
    it('publish, get, all, then run() on the template: logged and linked to its version', async () => {
      const published = await promptlayer.templates.publish({
        prompt_name: 'sdk/greeting',
        prompt_template: {
          type: 'chat',
          messages: [
            { role: 'system', content: [{ type: 'text', text: 'You greet people.' }] },
            { role: 'user', content: [{ type: 'text', text: 'Greet {name} from {city}' }] },
          ],
        },
        metadata: { model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.1 } } },
        release_labels: ['prod'],
        commit_message: 'first',
      } as never);
      expect(published).toMatchObject({ prompt_name: 'sdk/greeting', version_number: 1 });
      const fetched = await promptlayer.templates.get('sdk/greeting', {
        label: 'prod',
        input_variables: { name: 'Ann', city: 'Oslo' },
      });
      expect(fetched?.llm_kwargs).toMatchObject({
        model: 'gpt-4o',
        messages: [{ role: 'system' }, { role: 'user', content: 'Greet Ann from Oslo' }],
      });
      const all = await promptlayer.templates.all();
      expect(all.map((item) => item.prompt_name)).toContain('sdk/greeting');

      const result = (await promptlayer.run({
        promptName: 'sdk/greeting',
        inputVariables: { name: 'Bob' },
        tags: ['run'],
        metadata: { user_id: 'u7' },
      })) as {
        request_id: number;
        raw_response: Json;
        prompt_blueprint: { prompt_template: { messages: { content: { text: string }[] }[] } };
      };
      expect(result.raw_response).toMatchObject({ object: 'chat.completion' });
      expect(result.prompt_blueprint.prompt_template.messages.at(-1)?.content.at(-1)?.text).toBe(
        'echo: Greet Bob from ',
      );
      const stored = await detail(result.request_id);
      expect(stored).toMatchObject({
        promptName: 'sdk/greeting',
        promptVersion: 1,
        promptInputVariables: { name: 'Bob' },
        tags: ['run'],
        metadata: { user_id: 'u7' },
        parameters: { temperature: 0.1 },
      });
      const sent = provider.received.at(-1)?.body;
      expect(sent?.messages).toEqual([
        { role: 'system', content: 'You greet people.' },
        { role: 'user', content: 'Greet Bob from ' },
      ]);
    });

    it('run() on an unknown template throws the 404 message', async () => {
      await expect(promptlayer.run({ promptName: 'no-such-template' })).rejects.toThrow(/not found/);
    });
  });
});
