/**
 * Every registered route has a rule, and every rule holds for every kind of caller. The table
 * below is the test's own statement of what each caller may do, written independently of
 * server/auth/principal.ts: if either drifts, a cell fails.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../contract/auth.ts';
import { buildApp } from '../app.ts';
import {
  type Caller,
  CONFIGURED_KEYS,
  everyCaller,
  FULL_KEY,
  INGEST_KEY,
  READ_KEY,
} from '../testing/auth-fixtures.ts';
import { createTestApp, forEachStore, type TestApp } from '../testing/test-app.ts';
import { ROUTE_RULES, type RouteRule } from './route-rules.ts';

const EVERYTHING: readonly Permission[] = ['ingest', 'read', 'annotate', 'admin'];
const MAY: Record<string, readonly Permission[]> = {
  nobody: [],
  'full-access key': EVERYTHING,
  'configured ingest key': ['ingest'],
  'configured read key': ['read'],
  'stored ingest key': ['ingest'],
  'stored read key': ['read'],
  'stored annotate key': ['read', 'annotate'],
  'stored admin key': EVERYTHING,
  'admin session': EVERYTHING,
  'annotator session': ['read', 'annotate'],
  'viewer session': ['read'],
};

/** Bodies that keep an allowed call cheap; anything else gets `{}` (a 4xx is still "allowed"). */
const BODIES: Record<string, unknown> = { 'POST /api/sample-data': { count: 1 } };

function expected(rule: RouteRule, caller: string): 'allowed' | 401 | 403 {
  if (rule === 'public' || (rule === 'optional' && caller === 'nobody')) return 'allowed';
  if (caller === 'nobody') return 401;
  if (rule === 'signed-in' || rule === 'optional') return 'allowed';
  const may = MAY[caller] ?? [];
  const needs: readonly Permission[] = typeof rule === 'string' ? [rule] : rule;
  return needs.some((permission) => may.includes(permission)) ? 'allowed' : 403;
}

function concreteUrl(url: string): string {
  return url.replace(/:id\b/g, '999999').replace(/:\w+/g, 'x').replace(/\*$/, 'favicon.svg');
}

describe('the table itself', () => {
  const rulesNeeding = (permission: Permission) =>
    Object.entries(ROUTE_RULES)
      .filter(([, rule]) => rule === permission || (Array.isArray(rule) && rule.includes(permission)))
      .map(([route]) => route);

  it('gives ingest keys what an SDK sends', () => {
    expect(rulesNeeding('ingest')).toEqual(
      expect.arrayContaining([
        'POST /log-request',
        'POST /rest/track-score',
        'POST /library-track-score',
        'POST /rest/track-metadata',
        'POST /track-group',
        'POST /create-group',
      ]),
    );
  });

  it('never lets an ingest key read a logged request back', () => {
    const reads = rulesNeeding('ingest').filter((route) =>
      /^(GET|POST) \/api\/(public\/v2\/requests?|requests|facets|exports)\b/.test(route),
    );
    expect(reads).toEqual([]);
  });

  it('keeps people, keys, deletes and the audit log for admins', () => {
    for (const route of [
      'DELETE /api/requests',
      'POST /api/keys',
      'DELETE /api/keys/:id',
      'PATCH /api/accounts/:id',
      'GET /api/audit',
    ])
      expect(ROUTE_RULES[route], route).toBe('admin');
  });
});

forEachStore((kind) => {
  let t: TestApp;
  let callers: Caller[];
  beforeAll(async () => {
    t = await createTestApp(CONFIGURED_KEYS, kind);
    callers = await everyCaller(t.store);
  });
  afterAll(() => t.close());

  it('every registered route has a rule in route-rules.ts', () => {
    const routes = t.app.registeredRoutes.filter((route) => route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((route) => route.rule === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add a line for each of these to ROUTE_RULES in server/auth/route-rules.ts').toEqual([]);
  });

  it('HEAD routes follow their GET rule', () => {
    for (const route of t.app.registeredRoutes.filter((r) => r.method === 'HEAD'))
      expect(route.rule, route.url).toEqual(ROUTE_RULES[`GET ${route.url}`]);
  });

  it('a route without a rule is for admins only (fail closed) and shows up as missing', async () => {
    const app = buildApp({
      store: t.store,
      ...CONFIGURED_KEYS,
      version: 'test',
      distDir: join(t.dataDir, 'none'),
    });
    app.get('/api/unruled-test-route', async () => ({ ok: true }));
    await app.ready();
    try {
      expect(app.registeredRoutes).toContainEqual({
        method: 'GET',
        url: '/api/unruled-test-route',
        rule: undefined,
      });
      const as = async (headers: Record<string, string>) =>
        (await app.inject({ url: '/api/unruled-test-route', headers })).statusCode;
      expect(await as({ 'x-api-key': READ_KEY })).toBe(403);
      expect(await as({ 'x-api-key': INGEST_KEY })).toBe(403);
      expect(await as({ 'x-api-key': FULL_KEY })).toBe(200);
    } finally {
      await app.close();
    }
  });

  describe('route × caller', () => {
    it('answers 401 / 403 / allowed exactly as the rule says, for every route and caller', async () => {
      const failures: string[] = [];
      for (const route of t.app.registeredRoutes) {
        if (route.method === 'HEAD' || route.rule === undefined) continue;
        const url = concreteUrl(route.url);
        const payload = ['POST', 'PUT', 'PATCH'].includes(route.method)
          ? (BODIES[`${route.method} ${route.url}`] ?? {})
          : undefined;
        for (const caller of callers) {
          if (route.rule === 'public' && caller.label !== 'nobody') continue;
          const want = expected(route.rule, caller.label);
          const response = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: caller.headers,
            ...(payload === undefined ? {} : { payload }),
          });
          const got = response.statusCode;
          const ok =
            want === 'allowed'
              ? got !== 401 && got !== 403
              : got === want && (want === 401 || response.json().error === 'forbidden');
          if (!ok)
            failures.push(
              `${route.method} ${route.url} as ${caller.label}: want ${want}, got ${got} ${response.body.slice(0, 120)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
