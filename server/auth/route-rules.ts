/**
 * THE place that says who may call each route. Every registered route must have a line here:
 * server/auth/route-rules.test.ts fails for a route without one, and at runtime a route without
 * a rule is admin-only (fail closed).
 *
 * Adding a route? Add one line: `'METHOD /path/as/registered': rule`, where rule is
 *   'public'      no credentials at all (health, the SPA's files, sign-in itself)
 *   'signed-in'   any valid key or person
 *   'optional'    anyone; credentials, when given, are checked and identify the caller ("who am I")
 *   'ingest'      what an app's SDK needs to log, track, send traces and fetch prompt templates
 *                 for run(); an ingest key can never read a logged request back
 *   'read'        reading requests, facets, history (viewer and up; read keys)
 *   'annotate'    scores, tags, metadata written from the dashboard (annotator and up)
 *   'admin'       people, keys, settings, deletes, audit log
 *   [a, b]        any of several, e.g. ['ingest', 'read'] for a prompt template an SDK and a
 *                 person both read
 * HEAD uses its GET's rule. The path is the one given to Fastify (`:id`, `*`), not a URL.
 */
import type { Permission } from '../../contract/auth.ts';

export type RouteRule = 'public' | 'optional' | 'signed-in' | Permission | readonly Permission[];

export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  // Open to everyone
  'GET /api/health': 'public',
  'GET /': 'public',
  'GET /*': 'public',
  'GET /assets/*': 'public', // the SPA's hashed assets (precompressed)
  'GET /api/exports/:token': 'public', // the signed, single-use link is the credential
  'GET /api/setup': 'public',
  'POST /api/setup': 'public', // needs the one-time setup token
  'POST /api/session': 'public', // sign in
  'DELETE /api/session': 'public', // sign out (works with an expired session too)

  // Anyone; identifies the caller when signed in
  'GET /api/session': 'optional',

  // PromptLayer SDK ingest (docs/wire-contract.md)
  'POST /log-request': 'ingest',
  'POST /rest/track-metadata': 'ingest',
  'POST /rest/track-score': 'ingest',
  'POST /rest/track-prompt': 'ingest',
  'POST /rest/track-group': 'ingest',
  'POST /library-track-metadata': 'ingest',
  'POST /library-track-score': 'ingest',
  'POST /library-track-prompt': 'ingest',
  'POST /track-group': 'ingest',
  'POST /library-track-group': 'ingest',
  'POST /create-group': 'ingest',
  'POST /track-request': 'ingest',
  'POST /spans-bulk': 'ingest',
  'POST /v1/traces': 'ingest', // OTLP/HTTP exporters
  'POST /prompt-templates/*': ['ingest', 'read'], // run() fetches the template it renders
  'GET /prompt-templates': ['ingest', 'read'],
  'POST /rest/prompt-templates': 'annotate', // publishing changes what apps run: not for app keys

  // PromptLayer reads
  'GET /api/public/v2/traces/:trace_id': 'read',
  'GET /api/public/v2/requests/:request_id': 'read',
  'GET /api/public/v2/request/:request_id': 'read',
  'POST /api/public/v2/requests/search': 'read',
  'GET /api/public/v2/requests/suggestions': 'read',

  // Dashboard reads
  'GET /api/requests': 'read',
  'GET /api/requests/count': 'read',
  'GET /api/requests/probe': 'read',
  'GET /api/requests/timeline': 'read',
  'GET /api/requests/:id': 'read',
  'GET /api/requests/:id/history': 'read',
  'GET /api/requests/:id/score-comments': 'read',
  'GET /api/score-definitions': 'read',
  'GET /api/queues': 'read',
  'GET /api/queues/:id': 'read',
  'GET /api/queues/:id/summary': 'read',
  'GET /api/queues/:id/items/:requestId/reviews': 'read', // withheld while blind, until the caller reviewed
  'GET /api/facets': 'read',
  'GET /api/traces/:traceId': 'read',
  'GET /api/traces/:traceId/spans/:spanId': 'read',
  'GET /api/requests/:id/trace': 'read',
  'GET /api/facets/metadata-values': 'read',
  'POST /api/exports': 'read',
  'GET /api/prompts': 'read',
  'GET /api/prompts/versions': 'read',
  'GET /metrics': 'read', // Prometheus: `authorization: {credentials_file: …}` with a read key

  // Dashboard annotations
  'PUT /api/requests/:id/metadata/:key': 'annotate',
  'DELETE /api/requests/:id/metadata/:key': 'annotate',
  'PUT /api/requests/:id/scores/:name': 'annotate',
  'DELETE /api/requests/:id/scores/:name': 'annotate',
  'PUT /api/requests/:id/tags/:tag': 'annotate',
  'DELETE /api/requests/:id/tags/:tag': 'annotate',
  'POST /api/prompts': 'annotate', // publish a prompt version from the Prompts page
  'POST /api/bulk': 'annotate',
  'POST /api/bulk-jobs': 'annotate',
  'GET /api/bulk-jobs/:id': 'annotate',
  'POST /api/bulk-jobs/:id/cancel': 'annotate',
  'POST /api/queues/:id/items': 'annotate', // add a selection to a queue
  'POST /api/queues/:id/next': 'annotate', // only the assigned reviewers, when the queue names any
  'POST /api/queues/:id/items/:requestId/submit': 'annotate',
  'POST /api/queues/:id/items/:requestId/skip': 'annotate',
  'POST /api/queues/:id/undo': 'annotate',

  // Administration
  'DELETE /api/requests': 'admin',
  'GET /api/sample-data': 'read',
  'POST /api/sample-data': 'admin',
  'DELETE /api/sample-data': 'admin',
  'GET /api/accounts': 'admin',
  'POST /api/accounts': 'admin',
  'PATCH /api/accounts/:id': 'admin',
  'GET /api/keys': 'admin',
  'POST /api/keys': 'admin',
  'DELETE /api/keys/:id': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/retention': 'admin',
  'POST /api/retention/run': 'admin',
  'POST /api/bulk/delete': 'admin',
  'POST /api/bulk-jobs/delete': 'admin',
  'POST /api/score-definitions': 'admin',
  'POST /api/score-definitions/:id/archive': 'admin',
  'POST /api/queues': 'admin',
  'DELETE /api/queues/:id': 'admin',
};

/** The rule for a registered route; undefined when the table has no line for it. */
export function ruleFor(method: string, url: string): RouteRule | undefined {
  const own = ROUTE_RULES[`${method} ${url}`];
  if (own !== undefined || method !== 'HEAD') return own;
  return ROUTE_RULES[`GET ${url}`];
}

/** Fail closed: a route nobody wrote a rule for is for admins only. */
export const MISSING_RULE: RouteRule = 'admin';

export function allows(rule: RouteRule, grants: ReadonlySet<Permission>): boolean {
  if (rule === 'public' || rule === 'optional' || rule === 'signed-in') return true;
  if (typeof rule === 'string') return grants.has(rule);
  return rule.some((permission) => grants.has(permission));
}
