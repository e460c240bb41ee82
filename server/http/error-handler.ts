/**
 * Every error leaves as JSON in the PromptLayer shape. 4xx bodies say what was wrong; 5xx bodies
 * never carry internals (the details go to the log only).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError } from '../store/errors.ts';
import { errorBody, fromDomainError, HttpError } from './errors.ts';

/** Fastify's own client errors (body parsing, limits) mapped to stable codes and plain messages. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: 'The request body is empty.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Unsupported Content-Type: send application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    message: 'Content-Length does not match the body.',
  },
};

const isDatabaseUnavailable = (error: Error) =>
  error.name === 'DatabaseUnavailableError' || (error as { code?: unknown }).code === 'database_unavailable';

export function installErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const refusal = error instanceof InvalidInputError ? fromDomainError(error) : error;
    if (refusal instanceof HttpError) return reply.code(refusal.statusCode).send(refusal.body);
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'store error');
      reply.header('retry-after', '5');
      return reply
        .code(503)
        .send(errorBody('database_unavailable', 'The database is unavailable; try again shortly.'));
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The request body is larger than the ${Math.round(bodyLimitBytes / 1024 / 1024)} MB limit.`
          : known.message;
      return reply.code(error.statusCode ?? 400).send(errorBody(known.code, message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody('bad_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', 'Internal server error.'));
  });
}
