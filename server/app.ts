/**
 * buildApp(deps): the whole HTTP surface (PromptLayer routes, dashboard API, SPA) on a Fastify
 * instance. Never listens: main.ts / start-server.ts do, tests use app.inject().
 */
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Role } from '../contract/auth.ts';
import { configuredKeys, createConfiguredKeyMatcher } from './auth/api-keys.ts';
import { Authenticator } from './auth/authenticator.ts';
import { installAuth, type RegisteredRoute } from './auth/install-auth.ts';
import { keylessBodyBudget } from './auth/keyless-body-budget.ts';
import { FailureLimiter } from './auth/rate-limit.ts';
import { TrustedProxies } from './auth/trusted-proxy.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { badRequest } from './http/errors.ts';
import { clientErrorHandler, routerErrorHandler } from './http/framework-errors.ts';
import { assertJsonDepth, forbiddenKeyOr, unsupportedCharset } from './http/json-body.ts';
import { installNotFoundHandler } from './http/not-found.ts';
import { replaceJsonNulEscapes, urlHasNul } from './http/nul-characters.ts';
import { prettyLogStream, RequestLog } from './http/request-log.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import type { RetentionRunner } from './retention/retention-runner.ts';
import { ExportTokens } from './routes/api/export-tokens.ts';
import { downloadExportRoute } from './routes/api/exports.ts';
import { healthRoute } from './routes/api/health.ts';
import { dashboardApiRoutes } from './routes/api/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { otlpRoutes } from './routes/otel/index.ts';
import { promptLayerRoutes } from './routes/promptlayer/index.ts';
import { registerSpa } from './routes/spa.ts';
import type { Store } from './store/store.ts';

/** Bodies above this get a 413 JSON. Large enough for multi-MB prompts (images as data URLs). */
export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export interface AppDeps {
  store: Store;
  /** Full-access keys (the generated one, PROMPTLOG_API_KEYS); compared in constant time. */
  apiKeys: readonly string[];
  /** PROMPTLOG_INGEST_KEYS: what an app's SDK needs, and no reading back. */
  ingestKeys?: readonly string[];
  /** PROMPTLOG_READ_KEYS. */
  readKeys?: readonly string[];
  /** PROMPTLOG_TRUSTED_HEADER / PROMPTLOG_TRUSTED_PROXIES / PROMPTLOG_TRUSTED_DEFAULT_ROLE. */
  trustedProxy?: { header: string; cidrs: readonly string[]; defaultRole: Role } | undefined;
  /** How long a dashboard session lasts. Default 14 days. */
  sessionTtlMs?: number;
  version: string;
  /** false (default) = silent; true = info level; or a pino level name. */
  logger?: boolean | string;
  /** Log lines for a person at a terminal (server/http/request-log.ts) rather than JSON. */
  prettyLogs?: boolean;
  /** The built SPA. Default: <repo>/dist. */
  distDir?: string;
  bodyLimit?: number;
  /** Bytes of bodies without a valid header key read at once (server/auth/keyless-body-budget.ts). */
  keylessBodyBudget?: number;
  /** The background retention job, when the server runs one (GET /api/retention reports it). */
  retention?: RetentionRunner;
}

const DEFAULT_DIST = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * The path as logged: an export download's token is masked however the path is spelled
 * (`//api/exports/`, `/API/Exports/`, `%2F`), and the query string is never logged (a key pasted
 * as `?api_key=` must not land in a log file).
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const masked = /^(?:\/|%2f)+api(?:\/|%2f)+exports(?:\/|%2f)+/i.test(path)
    ? path.replace(/^((?:\/|%2f)+api(?:\/|%2f)+exports(?:\/|%2f)+).*$/i, '$1<token>')
    : path;
  return query === -1 ? masked : `${masked}?<redacted>`;
}

/** Request logs carry method, path and status only: no headers, no bodies, no export tokens. */
function loggerOptions(logger: AppDeps['logger'], pretty: boolean): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: typeof logger === 'string' ? logger : 'info',
    ...(pretty ? { stream: prettyLogStream(process.stdout) } : {}),
    redact: { paths: ['req.headers', 'headers', 'body', '*.api_key', 'api_key'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.remoteAddress,
      }),
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its rule from route-rules.ts (for the rule-coverage test). */
    registeredRoutes: readonly RegisteredRoute[];
  }
}

const SESSION_TTL_MS = 14 * 24 * 3600_000;
const SIGN_IN_WINDOW_MS = 15 * 60_000;

export function buildApp(deps: AppDeps): FastifyInstance {
  const bodyLimit = deps.bodyLimit ?? BODY_LIMIT_BYTES;
  const app = Fastify({
    logger: loggerOptions(deps.logger, deps.prettyLogs ?? false),
    // One line per request (none for static files).
    logController: new RequestLog(),
    bodyLimit,
    // SDKs build `${baseURL}/path`, so a base URL ending in "/" sends `//log-request`.
    routerOptions: { ignoreDuplicateSlashes: true, maxParamLength: 8192 },
    // Plenty for multi-MB bodies on slow links, still bounded.
    requestTimeout: 120_000,
    // Errors the router and Node's HTTP parser raise before any route or error handler runs.
    frameworkErrors: routerErrorHandler,
    clientErrorHandler,
  });

  // An empty body with a JSON content type (e.g. a DELETE from some clients) is "no body", not an error.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // text/plain is not JSON: a 415 like any other type, not a string body (Fastify parses it by default).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const charsetError = unsupportedCharset(request.headers['content-type']);
    if (charsetError) return done(charsetError);
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    const text = replaceJsonNulEscapes(body as string);
    parseJson(request, text, (error, parsed) => {
      if (error) return done(forbiddenKeyOr(error, text));
      try {
        assertJsonDepth(parsed);
      } catch (tooDeep) {
        return done(tooDeep as Error);
      }
      done(null, parsed);
    });
  });

  // No response, JSON or error, is ever sniffed into HTML by a browser.
  // Callback style (not async): no promise and microtask hop on every request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!urlHasNul(request.url)) return done();
    done(
      badRequest(
        'The URL contains a NUL character (%00), which Promptlog does not accept.',
        undefined,
        'nul_in_url',
      ),
    );
  });
  installErrorHandler(app, bodyLimit);
  const keys = configuredKeys({ full: deps.apiKeys, ingest: deps.ingestKeys, read: deps.readKeys });
  const proxy = deps.trustedProxy;
  const authenticator = new Authenticator(
    deps.store.auth,
    createConfiguredKeyMatcher(keys),
    proxy
      ? {
          header: proxy.header.toLowerCase(),
          proxies: new TrustedProxies(proxy.cidrs),
          defaultRole: proxy.defaultRole,
        }
      : null,
  );
  app.decorate('registeredRoutes', installAuth(app, authenticator));
  // After installAuth's onRequest hook: requests it authenticated are not counted.
  app.addHook('onRequest', keylessBodyBudget(bodyLimit, deps.keylessBodyBudget));
  const tokens = new ExportTokens(keys.map((entry) => entry.key));
  const routeDeps = { store: deps.store };

  // First: its hooks time every route registered after it.
  metricsRoute(app, routeDeps);
  healthRoute(app, { ...routeDeps, version: deps.version });
  downloadExportRoute(app, { ...routeDeps, tokens });
  app.register(promptLayerRoutes, routeDeps);
  app.register(otlpRoutes, { ...routeDeps, bodyLimit });
  app.register(dashboardApiRoutes, { ...routeDeps, tokens, retention: deps.retention });
  app.register(authRoutes, {
    ...routeDeps,
    authenticator,
    sessionTtlMs: deps.sessionTtlMs ?? SESSION_TTL_MS,
    limits: {
      perAddress: new FailureLimiter(20, SIGN_IN_WINDOW_MS),
      perAccount: new FailureLimiter(10, SIGN_IN_WINDOW_MS),
    },
  });
  const spa = registerSpa(app, deps.distDir ?? DEFAULT_DIST);
  installNotFoundHandler(app, spa);
  return app;
}
