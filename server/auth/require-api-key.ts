import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthorized } from '../http/errors.ts';
import type { KeyVerifier } from './api-keys.ts';

/** X-API-KEY (any case: Node lower-cases header names), then `Authorization: Bearer`, then body.api_key. */
export function presentedApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const body = request.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const key = (body as { api_key?: unknown }).api_key;
    if (typeof key === 'string' && key !== '') return key;
  }
  return undefined;
}

/** A preHandler (runs after body parsing, so body.api_key is available). */
export function requireApiKey(verify: KeyVerifier) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const key = presentedApiKey(request);
    if (key === undefined) {
      throw unauthorized('Missing API key: send it in the X-API-KEY header (or api_key in the JSON body).');
    }
    if (!verify(key)) throw unauthorized('Invalid API key.');
  };
}
