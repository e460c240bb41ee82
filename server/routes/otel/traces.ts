/**
 * POST /v1/traces (OTLP/HTTP, JSON or protobuf). Answers exactly 200 in the sent encoding, with
 * partialSuccess naming the spans it refused; a body that is not an export request is a 400, too
 * many spans a 413, and nothing of a refused body is written.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest, HttpError } from '../../http/errors.ts';
import {
  decodeExportRequest,
  encodeExportResponse,
  ProtobufDecodeError,
} from '../../ingest/otel/otlp-protobuf.ts';
import { OtlpShapeError, parseExportRequest, TooManySpansError } from '../../ingest/otel/otlp-traces.ts';
import { spanToIngest } from '../../ingest/otel/span-to-request.ts';
import type { RouteDeps } from '../deps.ts';
import { isProtobuf } from './body.ts';

function decode(body: unknown, protobuf: boolean): unknown {
  if (!Buffer.isBuffer(body))
    throw badRequest('body: required (an OTLP ExportTraceServiceRequest).', undefined, 'malformed_body');
  if (protobuf) return decodeExportRequest(body);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('body: not valid JSON.', undefined, 'malformed_json');
  }
}

export function otlpTracesRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.post('/v1/traces', async (request, reply) => {
    const protobuf = isProtobuf(request);
    let parsed: ReturnType<typeof parseExportRequest>;
    try {
      parsed = parseExportRequest(decode(request.body, protobuf));
    } catch (error) {
      if (error instanceof ProtobufDecodeError || error instanceof OtlpShapeError)
        throw badRequest(error.message, undefined, 'invalid_otlp');
      if (error instanceof TooManySpansError) throw new HttpError(413, 'too_many_spans', error.message);
      // JSON nested deep enough to exhaust the stack while walking it.
      if (error instanceof RangeError)
        throw badRequest('body: nested too deeply.', undefined, 'invalid_otlp');
      throw error;
    }
    await store.ingestSpans(parsed.spans.map(spanToIngest));
    const partialSuccess =
      parsed.rejected > 0
        ? { rejectedSpans: parsed.rejected, errorMessage: parsed.reasons.join('; ') }
        : null;
    if (protobuf)
      return reply.code(200).type('application/x-protobuf').send(encodeExportResponse(partialSuccess));
    return reply.code(200).send({ partialSuccess });
  });
}
