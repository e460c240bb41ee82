/**
 * Property test (fast-check) over what users type: free text `q`, metadata keys and values, and
 * PromptLayer search filter trees, on both stores. Whatever the input: never a 5xx, and never more
 * than 1 s of this process's CPU for one request (CPU, not wall time, so a loaded machine does not
 * fail it; the wall-time bound only catches a hang).
 */

import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEARCH_FIELD_KINDS, SEARCH_KIND_OPERATORS } from '../../contract/promptlayer-search.ts';
import { logBody } from '../testing/factories.ts';
import { createTestApp, forEachStore, KEY_HEADER, logRequest, type TestApp } from '../testing/test-app.ts';

const CPU_BUDGET_MS = 1000;
const HANG_MS = 15_000;
const RUNS = 40;

/** Text that stresses tokenizers and SQL: any code point, FTS and LIKE syntax, words with `_`. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(
      '_',
      '%',
      '"',
      "'",
      '*',
      '\\',
      ':',
      '&',
      '|',
      '!',
      '(',
      ')',
      '-',
      ' ',
      'a',
      'é',
      '1',
      '\u0301',
      '\u19b0',
    ),
    maxLength: 40,
  }),
  fc.stringMatching(/^[a-z]{1,8}(_[a-z0-9]{1,8}){1,3}$/),
  fc.string({ maxLength: 700 }),
);

const anyValue = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 5 }),
  fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 3 }),
  fc.constantFrom('2026-02-30', '2026-01-01T00:00:00Z', '1e400', ''),
);

const fieldNames = [...Object.keys(SEARCH_FIELD_KINDS), 'nope', '__proto__'];
const operatorNames = [...new Set(Object.values(SEARCH_KIND_OPERATORS).flat()), 'nope'];
const leaf = fc.record(
  {
    field: fc.constantFrom(...fieldNames),
    operator: fc.constantFrom(...operatorNames),
    value: anyValue,
    nested_key: fc.oneof(hostileText, fc.constant(null)),
  },
  { requiredKeys: ['field', 'operator'] },
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.record({
    logic: fc.constantFrom('AND', 'OR', 'XOR'),
    filters: fc.array(fc.oneof({ depthSize: 'small' }, leaf, tie('tree')), { maxLength: 6 }),
  }),
}));

forEachStore((kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, kind);
    await logRequest(t.app, logBody({ metadata: { user_id: 'user_123' }, tags: ['sample'] }));
  });
  afterAll(() => t.close());

  async function bounded(request: InjectOptions) {
    const cpu = process.cpuUsage();
    const started = Date.now();
    const response = await t.app.inject(request);
    const used = process.cpuUsage(cpu);
    const label = `${JSON.stringify(request).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
    expect(response.statusCode, label).toBeLessThan(500);
    expect((used.user + used.system) / 1000, label).toBeLessThan(CPU_BUDGET_MS);
    expect(Date.now() - started, label).toBeLessThan(HANG_MS);
    return response;
  }

  it('q on list, count, probe and search', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (q) => {
        const query = `q=${encodeURIComponent(q)}`;
        await bounded({ method: 'GET', url: `/api/requests?${query}`, headers: KEY_HEADER });
        await bounded({ method: 'GET', url: `/api/requests/count?${query}`, headers: KEY_HEADER });
        await bounded({ method: 'GET', url: `/api/requests/probe?${query}`, headers: KEY_HEADER });
        await bounded({
          method: 'POST',
          url: '/api/public/v2/requests/search',
          headers: KEY_HEADER,
          payload: { q },
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('metadata keys and values: logged, set, filtered on', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (key, value) => {
        const logged = await bounded({
          method: 'POST',
          url: '/log-request',
          headers: KEY_HEADER,
          payload: logBody({ metadata: { [key]: value } }),
        });
        const id = logged.statusCode === 201 ? (logged.json() as { id: number }).id : 1;
        await bounded({
          method: 'PUT',
          url: `/api/requests/${id}/metadata/${encodeURIComponent(key)}`,
          headers: KEY_HEADER,
          payload: { value },
        });
        await bounded({
          method: 'GET',
          url: `/api/requests?meta.${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
          headers: KEY_HEADER,
        });
        await bounded({
          method: 'GET',
          url: `/api/facets/metadata-values?key=${encodeURIComponent(key)}&prefix=${encodeURIComponent(value)}`,
          headers: KEY_HEADER,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('PromptLayer search filter trees', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.option(hostileText), async (filter_group, q) => {
        await bounded({
          method: 'POST',
          url: '/api/public/v2/requests/search',
          headers: KEY_HEADER,
          payload: { filter_group, q },
        });
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
