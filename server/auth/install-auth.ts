/**
 * Enforces ROUTE_RULES on every route: an onRoute hook pins each route's rule into its config,
 * an onRequest hook authenticates from headers and cookies before the body is read (so a wrong
 * key never makes us parse 20 MB), and a preHandler accepts `api_key` in the JSON body (what the
 * SDKs' track calls send). 401: no or unknown credentials; 403: known, but not allowed here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { forbidden, type HttpError, unauthorized } from '../http/errors.ts';
import type { Authenticator } from './authenticator.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import type { Principal } from './principal.ts';
import { allows, MISSING_RULE, type RouteRule, ruleFor } from './route-rules.ts';
import { isSafeMethod, isSameOrigin } from './same-origin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null on public routes and before authentication. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    authRules?: Record<string, RouteRule>;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** undefined: the table has no line for this route. */
  rule: RouteRule | undefined;
}

/** X-API-KEY (any case: Node lower-cases header names), then `Authorization: Bearer`. */
export function headerApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function bodyApiKey(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const key = (body as { api_key?: unknown }).api_key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

function ruleOf(request: FastifyRequest): RouteRule | undefined {
  return request.routeOptions.config.authRules?.[request.method];
}

const MISSING =
  'Missing credentials: send an API key in the X-API-KEY header (or api_key in the JSON body), or sign in.';

/** Checks `principal` against the route's rule; on success remembers it on the request. */
function admit(
  request: FastifyRequest,
  rule: RouteRule,
  principal: Principal | null,
  failure: string,
): HttpError | undefined {
  if (!principal) return unauthorized(failure);
  if (!allows(rule, principal.grants)) {
    const what =
      principal.kind === 'key' ? `This key (scope ${principal.scope})` : `Your role (${principal.role})`;
    return forbidden(`${what} does not allow ${request.method} ${request.routeOptions.url}.`);
  }
  if (principal.via !== 'key' && !isSafeMethod(request.method) && !isSameOrigin(request))
    return forbidden('Cross-site request refused: dashboard changes must come from the dashboard itself.');
  request.principal = principal;
  return undefined;
}

export function installAuth(app: FastifyInstance, auth: Authenticator): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const authRules: Record<string, RouteRule> = {};
    for (const method of methods) {
      const rule = ruleFor(method, route.url);
      routes.push({ method, url: route.url, rule });
      authRules[method] = rule ?? MISSING_RULE;
    }
    route.config = { ...route.config, authRules };
  });

  const settle =
    (request: FastifyRequest, rule: RouteRule, done: HookHandlerDoneFunction, failure: string) =>
    (principal: Principal | null) =>
      done(admit(request, rule, principal, failure));

  // Callback style (not async): the configured-key path costs no promise or microtask hop.
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const rule = ruleOf(request);
    if (rule === undefined || rule === 'public') return done();
    const fail = (error: unknown) => done(error as Error);
    const key = headerApiKey(request);
    if (key !== undefined) {
      const configured = auth.configuredKey(key);
      if (configured) return done(admit(request, rule, configured, 'Invalid API key.'));
      auth.storedKey(key).then(settle(request, rule, done, 'Invalid API key.'), fail);
      return;
    }
    const session = readCookie(request, SESSION_COOKIE);
    if (session !== undefined) {
      const admitSession = settle(request, rule, done, 'Your session has ended: sign in again.');
      // On "who am I", an ended session just means "not signed in": no 401 on every page load.
      auth
        .session(session)
        .then((principal) => (!principal && rule === 'optional' ? done() : admitSession(principal)), fail);
      return;
    }
    const proxy = auth.proxy;
    const vouched = proxy && request.headers[proxy.header];
    if (proxy && typeof vouched === 'string' && proxy.proxies.has(request.socket.remoteAddress)) {
      auth.proxied(vouched).then(settle(request, rule, done, 'This account is disabled.'), fail);
      return;
    }
    done(); // Perhaps api_key in the body: the preHandler decides once it is parsed.
  });

  app.addHook(
    'preHandler',
    (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const rule = ruleOf(request);
      if (rule === undefined || rule === 'public' || request.principal) return done();
      const key = bodyApiKey(request);
      if (key === undefined) return done(rule === 'optional' ? undefined : unauthorized(MISSING));
      auth
        .key(key)
        .then(settle(request, rule, done, 'Invalid API key.'), (error: unknown) => done(error as Error));
    },
  );
  return routes;
}
