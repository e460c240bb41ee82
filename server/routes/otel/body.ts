/**
 * Raw bodies for OTLP/HTTP: JSON or protobuf, optionally gzip-compressed (Content-Encoding), read
 * as bytes and inflated with the same size limit as any body.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, HttpError } from '../../http/errors.ts';

const inflate = promisify(gunzip);

export const PROTOBUF_TYPES = ['application/x-protobuf', 'application/protobuf'];

export function isProtobuf(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return PROTOBUF_TYPES.includes(type);
}

async function decompress(request: FastifyRequest, body: Buffer, limit: number): Promise<Buffer> {
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  if (encoding !== 'gzip')
    throw new HttpError(
      415,
      'unsupported_encoding',
      `content-encoding: ${encoding} is not supported (use gzip).`,
    );
  try {
    return await inflate(body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new HttpError(
        413,
        'payload_too_large',
        `The inflated body is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.`,
      );
    throw badRequest('body: not valid gzip data.', undefined, 'malformed_gzip');
  }
}

/** A body as this scope's routes receive it: the inflated bytes, and whether they are protobuf. */
export interface RawBody {
  bytes: Buffer;
  protobuf: boolean;
}

/** In this plugin's scope only: JSON and protobuf bodies arrive as a RawBody. */
export function rawBodyParsers(app: FastifyInstance, limit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', ...PROTOBUF_TYPES],
    { parseAs: 'buffer', bodyLimit: limit },
    (request, body, done) => {
      decompress(request, body as Buffer, limit).then(
        (bytes) => done(null, { bytes, protobuf: isProtobuf(request) } satisfies RawBody),
        (error: Error) => done(error, undefined),
      );
    },
  );
}
