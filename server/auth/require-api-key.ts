import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { unauthorized } from '../http/errors.ts';
import type { KeyVerifier } from './api-keys.ts';

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

/** The header key (see headerApiKey), else body.api_key. */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const header = headerApiKey(request);
  if (header !== undefined) return header;
  const body = request.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const key = (body as { api_key?: unknown }).api_key;
    if (typeof key === 'string' && key !== '') return key;
  }
  return undefined;
}

/**
 * A preHandler (runs after body parsing, so body.api_key is available). Callback style (not
 * async): no promise and microtask hop on every request.
 */
export function requireApiKey(verify: KeyVerifier) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const key = presentedApiKey(request);
    if (key === undefined) {
      done(unauthorized('Missing API key: send it in the X-API-KEY header (or api_key in the JSON body).'));
    } else if (!verify(key)) done(unauthorized('Invalid API key.'));
    else done();
  };
}

/**
 * An onRequest hook: a wrong key in a header is refused before the body is read, so a client
 * without a valid key cannot make the server parse a 20 MB body. Requests without a header key
 * go on to requireApiKey, which also looks at body.api_key.
 */
export function refuseWrongHeaderKey(verify: KeyVerifier) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const key = headerApiKey(request);
    if (key !== undefined && !verify(key)) done(unauthorized('Invalid API key.'));
    else done();
  };
}
