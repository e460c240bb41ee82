import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, KEY_HEADER, type TestApp } from '../testing/test-app.ts';
import { publishSampleTemplates, seedPromptSamples, trackedShare } from './prompt-samples.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('publishes templates with versions and labels once, and logs wrapped-client and run() requests linked to them', async () => {
  const inserted = await seedPromptSamples(t.store, 12, { extraTags: ['sample'] });
  expect(inserted).toBe(12);
  const again = await publishSampleTemplates(t.store);
  expect(again.get('support/triage')).toEqual({ id: expect.any(Number), version: 2 });
  const list = (await t.app.inject({ method: 'GET', url: '/api/prompts', headers: KEY_HEADER })).json() as {
    items: { prompt_name: string; version_count: number; request_count: number }[];
  };
  expect(list.items.map((i) => [i.prompt_name, i.version_count])).toEqual([
    ['summarize', 1],
    ['support/triage', 3],
    ['welcome-email', 2],
  ]);
  expect(list.items.find((i) => i.prompt_name === 'support/triage')?.request_count).toBe(3);
  const facets = await t.store.facets();
  expect(facets.tags.map((tag) => tag.value).sort()).toEqual(['run', 'sample', 'wrapped-client']);
  expect(facets.providers.map((p) => p.value).sort()).toEqual(['anthropic', 'openai']);
  expect(trackedShare(2000)).toBe(100);
  expect(trackedShare(5)).toBe(5);
});
