/**
 * Requests without a valid header key can still carry their key in the JSON body (the SDKs'
 * track calls do), so their body has to be read before they can be refused. This bounds what all
 * of them together may hold: at most `maxBytes` of keyless bodies are being read at once (one
 * body of any size up to the body limit when no other is in flight, so a large body-key request
 * still works). Past that they are answered 503 with Retry-After before their body is read.
 * Requests already authenticated from their headers or cookie (server/auth/install-auth.ts runs
 * first, so a wrong header key is refused there) are not counted.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { HttpError } from '../http/errors.ts';

/** Default budget for keyless bodies in flight, across all connections. */
export const KEYLESS_BODY_BUDGET_BYTES = 8 * 1024 * 1024;

function declaredBodyBytes(request: FastifyRequest, bodyLimit: number): number {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) || 0;
  // Chunked: its size is unknown until read, so it is counted at the limit.
  return request.headers['transfer-encoding'] !== undefined ? bodyLimit : 0;
}

/** An onRequest hook; register it after installAuth so `request.principal` is already known. */
export function keylessBodyBudget(bodyLimit: number, maxBytes = KEYLESS_BODY_BUDGET_BYTES) {
  let inFlight = 0;
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const bytes = Math.min(declaredBodyBytes(request, bodyLimit), bodyLimit);
    if (bytes === 0 || request.principal) {
      done();
      return;
    }
    if (inFlight > 0 && inFlight + bytes > maxBytes) {
      reply.header('retry-after', '1');
      done(
        new HttpError(
          503,
          'unauthenticated_busy',
          'Too many requests without an X-API-KEY header are being read; send the key in the X-API-KEY header, or retry shortly.',
        ),
      );
      return;
    }
    inFlight += bytes;
    reply.raw.once('close', () => {
      inFlight -= bytes;
    });
    done();
  };
}
