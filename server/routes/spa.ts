/**
 * The built dashboard (dist/) at `/`, with index.html for client-side routes. Without a build,
 * `/` says how to make one (static text only).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SpaFallback } from '../http/not-found.ts';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Promptlog</title></head>
<body><h1>Promptlog</h1>
<p>The API is running, but the dashboard has not been built yet. Run <code>npm run build</code>, then restart the server (or use <code>npm start</code>, which builds first).</p>
</body></html>
`;

/**
 * Defence in depth for a page that shows untrusted prompts: only our own scripts run. Images may
 * come from anywhere (prompts carry http(s) and data: image URLs); Radix injects <style> tags.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: http: https:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const sendNoBuildPage = (_request: FastifyRequest, reply: FastifyReply) =>
  reply
    .code(200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .send(NO_BUILD_PAGE);

/** Registers the static files and returns the fallback for unknown browser navigations. */
export function registerSpa(app: FastifyInstance, distDir: string): SpaFallback {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('/', sendNoBuildPage);
    return sendNoBuildPage;
  }
  app.register(fastifyStatic, {
    root: distDir,
    index: 'index.html',
    // Unknown paths fall through to the not-found handler, which decides between SPA and JSON 404.
    wildcard: true,
    setHeaders(reply, path) {
      if (path.endsWith('.html')) {
        reply.header('cache-control', 'no-cache');
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      } else if (path.includes('/assets/'))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // Hashed bundles: the .br / .gz copies written at build (scripts/precompress-plugin.ts), never
  // revalidated. Only here: @fastify/static's preCompressed does not serve `/` or sendFile().
  const assets = join(distDir, 'assets');
  if (existsSync(assets)) {
    app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      decorateReply: false,
      preCompressed: true,
      wildcard: true,
      setHeaders(reply) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return (_request, reply) =>
    reply
      .code(200)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .sendFile('index.html');
}
