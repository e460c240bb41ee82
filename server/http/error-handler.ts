/**
 * Every error leaves as JSON in the PromptLayer shape. 4xx bodies say what was wrong; 5xx bodies
 * never carry internals (the details go to the log only).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DatabaseCorruptError,
  InvalidCursorError,
  InvalidSearchFilterError,
  isStorageFull,
  QueryTimeoutError,
  ReadsBusyError,
} from '../store/errors.ts';
import type { ErrorDetail } from './errors.ts';
import { HttpError } from './errors.ts';

export interface ErrorBody {
  success: false;
  message: string;
  error: string;
  detail?: ErrorDetail[];
}

export function errorBody(code: string, message: string, detail?: ErrorDetail[]): ErrorBody {
  return detail ? { success: false, message, error: code, detail } : { success: false, message, error: code };
}

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

/** Errors other layers throw that are the client's or the database's fault, matched by name. */
function namedError(error: Error): { status: number; code: string; message: string; param?: string } | null {
  if (error instanceof InvalidCursorError) {
    return {
      status: 400,
      code: 'invalid_cursor',
      message: `cursor: invalid cursor (${error.message}); start again without it`,
      param: 'cursor',
    };
  }
  if (error instanceof InvalidSearchFilterError) {
    return {
      status: 400,
      code: 'invalid_filter',
      message: `${error.field}: ${error.message}`,
      param: error.field,
    };
  }
  if (isStorageFull(error)) {
    return {
      status: 507,
      code: 'storage_full',
      message:
        'The database disk is full: this write was not stored. Reads still work; free disk space and retry.',
    };
  }
  if (error instanceof DatabaseCorruptError) {
    return { status: 503, code: error.code, message: error.message };
  }
  if (error instanceof QueryTimeoutError || error instanceof ReadsBusyError) {
    return { status: 503, code: error.code, message: error.message };
  }
  if (
    error.name === 'DatabaseUnavailableError' ||
    (error as { code?: unknown }).code === 'database_unavailable'
  ) {
    return {
      status: 503,
      code: 'database_unavailable',
      message: 'The database is unavailable; try again shortly.',
    };
  }
  return null;
}

export function installErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.detail));
    }
    const named = namedError(error);
    if (named) {
      const detail = named.param
        ? [
            {
              loc: [named.param === 'cursor' ? 'query' : 'body', named.param],
              msg: named.message,
              type: named.code,
            },
          ]
        : undefined;
      if (named.status >= 500) {
        request.log.error({ err: error }, 'store error');
        reply.header('retry-after', named.status === 507 ? '60' : '5');
      }
      return reply.code(named.status).send(errorBody(named.code, named.message, detail));
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
