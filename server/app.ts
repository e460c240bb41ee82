/**
 * buildApp(deps): the whole HTTP surface (PromptLayer routes, dashboard API, SPA) on a Fastify
 * instance. Never listens: main.ts / start-server.ts do, tests use app.inject().
 */
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createKeyVerifier } from './auth/api-keys.ts';
import { keylessBodyBudget } from './auth/keyless-body-budget.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { badRequest } from './http/errors.ts';
import { clientErrorHandler, routerErrorHandler } from './http/framework-errors.ts';
import { assertJsonDepth, forbiddenKeyOr, unsupportedCharset } from './http/json-body.ts';
import { installNotFoundHandler } from './http/not-found.ts';
import { replaceJsonNulEscapes, urlHasNul } from './http/nul-characters.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { ExportTokens } from './routes/api/export-tokens.ts';
import { downloadExportRoute } from './routes/api/exports.ts';
import { healthRoute } from './routes/api/health.ts';
import { dashboardApiRoutes } from './routes/api/index.ts';
import { otlpRoutes } from './routes/otel/index.ts';
import { promptLayerRoutes } from './routes/promptlayer/index.ts';
import { registerSpa } from './routes/spa.ts';
import type { Store } from './store/store.ts';

/** Bodies above this get a 413 JSON. Large enough for multi-MB prompts (images as data URLs). */
export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export interface AppDeps {
  store: Store;
  /** Every accepted key; compared in constant time. */
  apiKeys: readonly string[];
  version: string;
  /** false (default) = silent; true = info level; or a pino level name. */
  logger?: boolean | string;
  /** The built SPA. Default: <repo>/dist. */
  distDir?: string;
  bodyLimit?: number;
  /** Bytes of bodies without a valid header key read at once (server/auth/keyless-body-budget.ts). */
  keylessBodyBudget?: number;
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
function loggerOptions(logger: AppDeps['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: typeof logger === 'string' ? logger : 'info',
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

export function buildApp(deps: AppDeps): FastifyInstance {
  const bodyLimit = deps.bodyLimit ?? BODY_LIMIT_BYTES;
  const app = Fastify({
    logger: loggerOptions(deps.logger),
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
  const verifyKey = createKeyVerifier(deps.apiKeys);
  app.addHook('onRequest', keylessBodyBudget(verifyKey, bodyLimit, deps.keylessBodyBudget));
  const tokens = new ExportTokens(deps.apiKeys);
  const routeDeps = { store: deps.store };

  // First: its hooks time every route registered after it.
  metricsRoute(app, { ...routeDeps, verifyKey });
  healthRoute(app, { ...routeDeps, version: deps.version });
  downloadExportRoute(app, { ...routeDeps, tokens });
  app.register(promptLayerRoutes, { ...routeDeps, verifyKey });
  app.register(otlpRoutes, { ...routeDeps, verifyKey, bodyLimit });
  app.register(dashboardApiRoutes, { ...routeDeps, verifyKey, tokens });
  const spa = registerSpa(app, deps.distDir ?? DEFAULT_DIST);
  installNotFoundHandler(app, spa);
  return app;
}
