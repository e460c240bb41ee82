import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';

type Json = Record<string, unknown>;

const chatTemplate = (text: string, format?: string) => ({
  type: 'chat',
  messages: [
    { role: 'system', content: [{ type: 'text', text: 'You answer about {topic}.' }] },
    { role: 'user', content: [{ type: 'text', text }], ...(format ? { template_format: format } : {}) },
  ],
});

/** What both SDKs send: the same object as prompt_template and prompt_version. */
function publishBody(name: string, template: Json, extra: Json = {}) {
  const body = { prompt_name: name, prompt_template: template, ...extra };
  return { prompt_template: body, prompt_version: body, release_labels: extra.release_labels ?? null };
}

const openAiModel = { model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.5 } } };

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
  });
  afterAll(() => t.close());

  const publish = async (body: Json, status = 201) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/rest/prompt-templates',
      headers: KEY_HEADER,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(status);
    return response.json() as Json;
  };
  const get = (identifier: string, payload?: Json | string, headers: Record<string, string> = KEY_HEADER) =>
    t.app.inject({
      method: 'POST',
      url: `/prompt-templates/${identifier}`,
      headers: { ...headers, 'content-type': 'application/json' },
      ...(payload === undefined
        ? {}
        : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });

  describe('publish', () => {
    it('numbers versions per name, records input variables, fills api_type, answers 201', async () => {
      const first = await publish(
        publishBody('support', chatTemplate('Q: {question}'), {
          metadata: openAiModel,
          tags: ['a'],
          commit_message: 'first',
        }),
      );
      expect(first).toMatchObject({
        prompt_name: 'support',
        version_number: 1,
        tags: ['a'],
        commit_message: 'first',
      });
      expect((first.prompt_template as Json).input_variables).toEqual(['topic', 'question']);
      expect((first.metadata as { model: Json }).model).toEqual({
        provider: 'openai',
        name: 'gpt-4o',
        parameters: { temperature: 0.5 },
        api_type: 'chat-completions',
      });
      const second = await publish(
        publishBody('support', chatTemplate('Question: {question}'), {
          metadata: openAiModel,
          release_labels: ['prod'],
        }),
      );
      expect(second).toMatchObject({
        id: first.id,
        version_number: 2,
        tags: ['a'],
        release_labels: ['prod'],
      });
    });

    it('refuses a body without a name or template (422 naming the field), nothing written', async () => {
      const before = (
        (await t.app.inject({ method: 'GET', url: '/prompt-templates', headers: KEY_HEADER })).json() as {
          total: number;
        }
      ).total;
      const noName = await publish(
        { prompt_template: {}, prompt_version: { prompt_template: chatTemplate('x') } },
        422,
      );
      expect(String(noName.message)).toMatch(/^prompt_template\.prompt_name/);
      const badTemplate = await publish(
        { prompt_template: { prompt_name: 'z' }, prompt_version: { prompt_template: { type: 'nope' } } },
        422,
      );
      expect(String(badTemplate.message)).toMatch(/^prompt_version\.prompt_template/);
      const after = (
        (await t.app.inject({ method: 'GET', url: '/prompt-templates', headers: KEY_HEADER })).json() as {
          total: number;
        }
      ).total;
      expect(after).toBe(before);
    });

    it('concurrent publishes of one name get distinct, consecutive versions', async () => {
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/rest/prompt-templates',
            headers: KEY_HEADER,
            payload: publishBody('concurrent', chatTemplate(`v${i}`), { release_labels: ['prod'] }),
          }),
        ),
      );
      const versions = replies.map((r) => (r.json() as { version_number: number }).version_number);
      expect(versions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await get('concurrent', { label: 'prod' })).json()).toMatchObject({
        version: expect.any(Number),
      });
    });

    it('needs a key', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/rest/prompt-templates',
        payload: publishBody('x', chatTemplate('y')),
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('get (run() and templates.get)', () => {
    it('latest by default; an empty JSON body is {}; f-string renders, missing variables render empty', async () => {
      const response = await get('support', '');
      expect(response.statusCode).toBe(200);
      const body = response.json() as Json;
      expect(body).toMatchObject({ prompt_name: 'support', version: 2, release_labels: ['prod'] });
      const messages = (body.prompt_template as { messages: { content: { text: string }[] }[] }).messages;
      expect(messages[1]?.content[0]?.text).toBe('Question: ');
      expect(body.warning).toContain('topic');
      expect(body.llm_kwargs).toEqual({
        model: 'gpt-4o',
        temperature: 0.5,
        messages: [
          { role: 'system', content: 'You answer about .' },
          { role: 'user', content: 'Question: ' },
        ],
      });
    });

    it('a version, a label, input variables, overrides; key in the body also works', async () => {
      const v1 = (
        await get('support', { version: 1, input_variables: { question: 'why?', topic: 'cats' } })
      ).json() as Json;
      expect(v1.version).toBe(1);
      expect((v1.llm_kwargs as { messages: Json[] }).messages).toEqual([
        { role: 'system', content: 'You answer about cats.' },
        { role: 'user', content: 'Q: why?' },
      ]);
      expect(v1.warning).toBeNull();
      const labelled = await get(
        'support',
        { label: 'prod', api_key: TEST_KEY, model_parameter_overrides: { temperature: 1 } },
        {},
      );
      expect(labelled.statusCode).toBe(200);
      expect(labelled.json()).toMatchObject({ version: 2, llm_kwargs: { temperature: 1 } });
    });

    it('jinja2: loops, conditions, undefined variables empty, no access to JS internals', async () => {
      await publish(
        publishBody(
          'jinja',
          chatTemplate(
            '{% for i in items %}[{{ i }}]{% endfor %}{% if vip %} VIP{% endif %} {{ nobody }}{{ "".constructor }}',
            'jinja2',
          ),
          {
            metadata: {
              model: { provider: 'anthropic', name: 'claude-sonnet-4-5', parameters: { max_tokens: 300 } },
            },
          },
        ),
      );
      const body = (
        await get('jinja', { input_variables: { items: [1, 2], vip: true, topic: 't' } })
      ).json() as Json;
      expect(body.llm_kwargs).toEqual({
        model: 'claude-sonnet-4-5',
        max_tokens: 300,
        system: 'You answer about t.',
        messages: [{ role: 'user', content: [{ type: 'text', text: '[1][2] VIP ' }] }],
      });
      expect((body.metadata as { model: Json }).model.api_type).toBeNull();
    });

    it('a code-running jinja2 template stays unrendered with a warning', async () => {
      await publish(
        publishBody('evil', chatTemplate('{{ range.constructor("return process")().pid }}', 'jinja2')),
      );
      const body = (await get('evil', {})).json() as {
        prompt_template: { messages: { content: { text: string }[] }[] };
        warning: string;
      };
      expect(body.prompt_template.messages[1]?.content[0]?.text).toBe(
        '{{ range.constructor("return process")().pid }}',
      );
      expect(body.warning).toContain('unrendered');
    });

    it('by id, and a `/` in the name raw or as %2F', async () => {
      const published = await publish(
        publishBody('team/support', { type: 'completion', content: 'Hi {name}' }, { metadata: openAiModel }),
      );
      for (const identifier of ['team/support', 'team%2Fsupport', String(published.id)]) {
        const response = await get(identifier, { input_variables: { name: 'Ann' } });
        expect(response.statusCode, identifier).toBe(200);
        expect(response.json()).toMatchObject({
          prompt_name: 'team/support',
          llm_kwargs: { model: 'gpt-4o', prompt: 'Hi Ann' },
        });
      }
    });

    it('unknown template, version or label: 404 JSON', async () => {
      const cases: [string, Json, string][] = [
        ['nope', {}, 'prompt_template_not_found'],
        ['support', { version: 99 }, 'prompt_version_not_found'],
        ['support', { label: 'staging' }, 'prompt_label_not_found'],
      ];
      for (const [identifier, payload, code] of cases) {
        const response = await get(identifier, payload);
        expect(response.statusCode).toBe(404);
        expect(errorOf(response).error).toBe(code);
      }
      const bad = await get('support', { version: 'one' });
      expect(bad.statusCode).toBe(422);
      expect(errorOf(bad).message).toMatch(/^version/);
    });

    it('release labels move to the newest version that names them', async () => {
      await publish(publishBody('moving', chatTemplate('one'), { release_labels: ['prod', 'dev'] }));
      await publish(publishBody('moving', chatTemplate('two'), { release_labels: ['prod'] }));
      expect((await get('moving', { label: 'prod' })).json()).toMatchObject({
        version: 2,
        release_labels: ['prod'],
      });
      expect((await get('moving', { label: 'dev' })).json()).toMatchObject({
        version: 1,
        release_labels: ['dev'],
      });
    });
  });

  describe('list', () => {
    it('pages through templates by name with their latest version and labels', async () => {
      const first = (
        await t.app.inject({ method: 'GET', url: '/prompt-templates?page=1&per_page=2', headers: KEY_HEADER })
      ).json() as {
        items: Json[];
        total: number;
        has_next: boolean;
        pages: number;
      };
      expect(first.total).toBe(6);
      expect(first.pages).toBe(3);
      expect(first.has_next).toBe(true);
      expect(first.items.map((i) => i.prompt_name)).toEqual(['concurrent', 'evil']);
      const all = (
        await t.app.inject({ method: 'GET', url: '/prompt-templates?per_page=100', headers: KEY_HEADER })
      ).json() as { items: Json[] };
      const moving = all.items.find((i) => i.prompt_name === 'moving');
      expect(moving).toMatchObject({
        version: 2,
        version_count: 2,
        release_labels: [
          { label: 'dev', version: 1 },
          { label: 'prod', version: 2 },
        ],
      });
      const byLabel = (
        await t.app.inject({ method: 'GET', url: '/prompt-templates?label=dev', headers: KEY_HEADER })
      ).json() as { items: Json[] };
      expect(byLabel.items.map((i) => [i.prompt_name, i.version])).toEqual([['moving', 1]]);
      const bad = await t.app.inject({
        method: 'GET',
        url: '/prompt-templates?per_page=1000',
        headers: KEY_HEADER,
      });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).message).toMatch(/^per_page/);
    });
  });
});

describe('dashboard prompt routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('publish through /api/prompts (same path as the SDKs), list with request counts, versions by name', async () => {
    const body = publishBody('dash/one', chatTemplate('Hi {name}'), {
      metadata: openAiModel,
      release_labels: ['prod'],
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/prompts',
      headers: KEY_HEADER,
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: '/api/prompts',
      headers: KEY_HEADER,
      payload: publishBody('dash/one', chatTemplate('Hello {name}')),
    });
    await t.app.inject({
      method: 'POST',
      url: '/log-request',
      headers: KEY_HEADER,
      payload: {
        provider: 'openai',
        model: 'gpt-4o',
        input: { type: 'chat', messages: [] },
        output: { type: 'chat', messages: [] },
        request_start_time: 1,
        request_end_time: 2,
        prompt_name: 'dash/one',
      },
    });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/prompts?name=DASH', headers: KEY_HEADER })
    ).json() as { items: Json[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      prompt_name: 'dash/one',
      version: 2,
      version_count: 2,
      request_count: 1,
      release_labels: [{ label: 'prod', version: 1 }],
    });
    const versions = await t.app.inject({
      method: 'GET',
      url: '/api/prompts/versions?name=dash%2Fone',
      headers: KEY_HEADER,
    });
    expect(
      (versions.json() as { versions: Json[] }).versions.map((v) => [v.version, v.release_labels]),
    ).toEqual([
      [2, []],
      [1, ['prod']],
    ]);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/prompts/versions?name=nope',
      headers: KEY_HEADER,
    });
    expect(missing.statusCode).toBe(404);
    const noKey = await t.app.inject({ method: 'GET', url: '/api/prompts' });
    expect(noKey.statusCode).toBe(401);
  });
});
