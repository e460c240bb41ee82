import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logBody } from '../../testing/factories.ts';
import {
  createTestApp,
  errorOf,
  forEachStore,
  KEY_HEADER,
  logRequest,
  TEST_KEY,
  type TestApp,
} from '../../testing/test-app.ts';

forEachStore((kind) => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    id = await logRequest(t.app, logBody({ metadata: { keep: 'me', env: 'dev' } }));
  });
  afterAll(() => t.close());

  /** SDK style: key in the body, no header. */
  const sdk = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, payload: { ...payload, api_key: TEST_KEY } });
  /** REST style: key in the header. */
  const rest = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: KEY_HEADER, payload });

  async function detail() {
    const found = await t.store.getRequest(id);
    if (!found) throw new Error(`request ${id} vanished`);
    return found;
  }

  describe('tracking routes', () => {
    it('track-metadata upserts per key and keeps keys not named (both spellings)', async () => {
      const first = await sdk('/library-track-metadata', {
        request_id: id,
        metadata: { env: 'prod', user: 'u1' },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ success: true, message: expect.any(String) });
      expect((await detail()).metadata).toEqual({ keep: 'me', env: 'prod', user: 'u1' });

      const second = await rest('/rest/track-metadata', { request_id: id, metadata: { user: 'u2' } });
      expect(second.statusCode).toBe(200);
      expect((await detail()).metadata).toEqual({ keep: 'me', env: 'prod', user: 'u2' });
    });

    it('track-score defaults the name, replaces by name, keeps several', async () => {
      expect((await sdk('/library-track-score', { request_id: id, score: 40 })).statusCode).toBe(200);
      expect(
        (await rest('/rest/track-score', { request_id: id, score: 90, name: 'accuracy' })).statusCode,
      ).toBe(200);
      expect((await sdk('/library-track-score', { request_id: id, score: 60 })).statusCode).toBe(200);
      expect(
        (await sdk('/library-track-score', { request_id: String(id), score: 0, score_name: 'tone' }))
          .statusCode,
      ).toBe(200);
      expect((await detail()).scores).toEqual({ default: 60, accuracy: 90, tone: 0 });
    });

    it.each([
      ['101', 101],
      ['-1', -1],
      ['85.5', 85.5],
      ['"abc"', 'abc'],
      ['null', null],
    ])('track-score refuses score %s with a 422 naming score, and writes nothing', async (_label, score) => {
      const before = (await detail()).scores;
      const response = await sdk('/library-track-score', { request_id: id, score });
      expect(response.statusCode).toBe(422);
      const body = errorOf(response);
      expect(body.message.startsWith('score:')).toBe(true);
      expect(body.detail?.[0]?.loc).toEqual(['body', 'score']);
      expect((await detail()).scores).toEqual(before);
    });

    it('track-prompt links the request to a prompt name and version', async () => {
      const response = await sdk('/library-track-prompt', {
        request_id: id,
        prompt_name: 'weather',
        prompt_input_variables: { city: 'Oslo' },
        version: 7,
      });
      expect(response.statusCode).toBe(200);
      expect(await detail()).toMatchObject({
        promptName: 'weather',
        promptVersion: 7,
        promptInputVariables: { city: 'Oslo' },
      });
      expect((await rest('/rest/track-prompt', { request_id: id, prompt_name: 'weather2' })).statusCode).toBe(
        200,
      );
      expect((await detail()).promptName).toBe('weather2');
    });

    it('create-group returns a new integer id and track-group links to it', async () => {
      const created = await sdk('/create-group', {});
      expect(created.statusCode).toBe(200);
      const { success, id: groupId } = created.json() as { success: boolean; id: number };
      expect(success).toBe(true);
      expect(Number.isInteger(groupId)).toBe(true);
      const other = (await sdk('/create-group', {})).json() as { id: number };
      expect(other.id).not.toBe(groupId);

      expect((await sdk('/track-group', { request_id: id, group_id: groupId })).statusCode).toBe(200);
      expect((await detail()).groupId).toBe(groupId);
      expect((await rest('/rest/track-group', { request_id: id, group_id: other.id })).statusCode).toBe(200);
      expect((await detail()).groupId).toBe(other.id);
    });

    it.each([
      ['/library-track-metadata', { metadata: { a: 'b' } }],
      ['/rest/track-metadata', { metadata: { a: 'b' } }],
      ['/library-track-score', { score: 5 }],
      ['/library-track-prompt', { prompt_name: 'x' }],
      ['/track-group', { group_id: 1 }],
    ])('%s answers 404 JSON for an unknown request id', async (url, payload) => {
      const response = await sdk(url, { request_id: 987654321, ...payload });
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).error).toBe('request_not_found');
    });

    it.each([
      ['/library-track-metadata', { request_id: 'abc', metadata: {} }, 'request_id'],
      ['/library-track-metadata', { metadata: { a: 'b' } }, 'request_id'],
      ['/library-track-metadata', { request_id: 1, metadata: { a: 5 } }, 'metadata.a'],
      ['/library-track-prompt', { request_id: 1 }, 'prompt_name'],
      ['/library-track-prompt', { request_id: 1, prompt_name: 'p', version: 2 ** 31 }, 'version'],
      ['/track-group', { request_id: 1, group_id: 'g' }, 'group_id'],
    ])('%s answers 422 naming the bad field', async (url, payload, field) => {
      const response = await sdk(url, payload);
      expect(response.statusCode).toBe(422);
      expect(errorOf(response).message.startsWith(`${field}:`)).toBe(true);
    });

    it.each(['/library-track-metadata', '/rest/track-score', '/track-group', '/create-group'])(
      '%s answers 401 JSON without a valid key',
      async (url) => {
        const none = await t.app.inject({ method: 'POST', url, payload: { request_id: id, score: 1 } });
        expect(none.statusCode).toBe(401);
        errorOf(none);
        const wrong = await t.app.inject({
          method: 'POST',
          url,
          payload: { request_id: id, api_key: 'wrong' },
        });
        expect(wrong.statusCode).toBe(401);
      },
    );
  });
});
