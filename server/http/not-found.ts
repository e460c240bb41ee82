/**
 * Unknown routes: the SPA for browser navigations, a clear "not supported" for the PromptLayer
 * routes Promptlog does not implement (docs/wire-contract.md §7), JSON 404 for everything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

const UNSUPPORTED = [
  /^\/(?:rest\/|api\/public\/v2\/)?prompt-templates?(?:\/|$)/,
  /^\/(?:rest\/|api\/public\/v2\/)?workflows?(?:\/|$)/,
  /^\/(?:library-)?(?:get|publish)-prompt-template(?:\/|$)/,
  /^\/rest\/(?:get|publish)-prompt-template(?:\/|$)/,
  /^\/(?:rest\/)?run-workflow(?:\/|$)/,
];

export function isUnsupportedPromptLayerRoute(path: string): boolean {
  return UNSUPPORTED.some((pattern) => pattern.test(path));
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

export type SpaFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply>;

export function installNotFoundHandler(app: FastifyInstance, spa: SpaFallback): void {
  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '/').replace(/\/{2,}/g, '/');
    if (isUnsupportedPromptLayerRoute(path)) {
      return reply
        .code(404)
        .send(
          errorBody(
            'route_not_supported',
            `${request.method} ${path}: route not supported by Promptlog (see the README for the supported PromptLayer routes).`,
          ),
        );
    }
    const isApi = path.startsWith('/api/') || path === '/api';
    if ((request.method === 'GET' || request.method === 'HEAD') && !isApi && wantsHtml(request)) {
      return spa(request, reply);
    }
    return reply.code(404).send(errorBody('not_found', `Route ${request.method} ${path} not found.`));
  });
}
