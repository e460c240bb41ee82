/**
 * Errors raised before any route or error handler runs: the router's (bad percent-encoding,
 * over-long path segment) and Node's HTTP parser's (headers too large, request timeout, garbage).
 * Every one leaves in the documented JSON error shape with nosniff, like any other error.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyServerOptions } from 'fastify';
import { errorBody } from './errors.ts';

const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    message: 'The URL is not valid: check its percent-encoding.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    message: 'A path segment of the URL is longer than the 8 KB limit.',
  },
};

export const routerErrorHandler: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  request,
  rawReply,
) => {
  const reply = rawReply as FastifyReply;
  const known = ROUTER_ERRORS[(error as FastifyError).code];
  reply.header('x-content-type-options', 'nosniff');
  if (known) return reply.code(known.status).send(errorBody(known.code, known.message));
  request.log.error({ err: error }, 'router error');
  return reply.code(500).send(errorBody('internal_error', 'Internal server error.'));
};

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    message: 'The request was not received in time.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The request headers are larger than the server accepts.',
  },
  HPE_URI_TOO_LONG: { status: 414, code: 'uri_too_long', message: 'The URL is too long.' },
};

/** The raw HTTP response Node's parser errors get (there is no request object to reply through). */
export function clientErrorResponse(errorCode: string | undefined): string {
  const known = (errorCode && CLIENT_ERRORS[errorCode]) || {
    status: 400,
    code: 'bad_request',
    message: 'The request is not valid HTTP.',
  };
  const body = JSON.stringify(errorBody(known.code, known.message));
  return (
    `HTTP/1.1 ${known.status} ${http.STATUS_CODES[known.status]}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    'X-Content-Type-Options: nosniff\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(clientErrorResponse(error.code));
  socket.destroy(error);
}
