/**
 * POST /v1/traces (OTLP/HTTP, JSON or protobuf). Answers exactly 200 in the sent encoding, with
 * partialSuccess naming the spans it refused; a body that is not an export request is a 400, too
 * many spans a 413, and nothing of a refused body is written.
 */
import type { FastifyInstance } from 'fastify';
import { type OtlpExportResponse, otlpExportResponseSchema } from '../../../contract/traces.ts';
import { badRequest, HttpError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import {
  decodeExportRequest,
  encodeExportResponse,
  ProtobufDecodeError,
} from '../../ingest/otel/otlp-protobuf.ts';
import {
  OtlpShapeError,
  type ParsedExport,
  parseExportRequest,
  TooManySpansError,
} from '../../ingest/otel/otlp-traces.ts';
import { spanToIngest } from '../../ingest/otel/span-to-request.ts';
import type { RouteDeps } from '../deps.ts';
import { isProtobuf, type RawBody } from './body.ts';

function decode(body: unknown): unknown {
  const { bytes, protobuf } = (body ?? {}) as Partial<RawBody>;
  if (!Buffer.isBuffer(bytes))
    throw badRequest('body: required (an OTLP ExportTraceServiceRequest).', undefined, 'malformed_body');
  if (protobuf) return decodeExportRequest(bytes);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badRequest('body: not valid JSON.', undefined, 'malformed_json');
  }
}

/** The route's body parser: an export request (JSON or protobuf) to the spans it accepts. */
function exportRequestBody(body: unknown): ParsedExport {
  try {
    return parseExportRequest(decode(body));
  } catch (error) {
    if (error instanceof ProtobufDecodeError || error instanceof OtlpShapeError)
      throw badRequest(error.message, undefined, 'invalid_otlp');
    if (error instanceof TooManySpansError) throw new HttpError(413, 'too_many_spans', error.message);
    // JSON nested deep enough to exhaust the stack while walking it.
    if (error instanceof RangeError) throw badRequest('body: nested too deeply.', undefined, 'invalid_otlp');
    throw error;
  }
}

/** The same answer in protobuf; Fastify sends the Buffer a serializer returns as it is (its types say string). */
const protobufReply = ((answer: OtlpExportResponse): Buffer =>
  encodeExportResponse(answer.partialSuccess)) as unknown as (payload: unknown) => string;

export function otlpTracesRoute(app: FastifyInstance, { store }: RouteDeps): void {
  route(
    app,
    'POST',
    '/v1/traces',
    { body: exportRequestBody, response: otlpExportResponseSchema },
    async ({ body, request, reply }) => {
      await store.ingestSpans(body.spans.map(spanToIngest));
      if (isProtobuf(request)) reply.type('application/x-protobuf').serializer(protobufReply);
      return {
        partialSuccess:
          body.rejected > 0 ? { rejectedSpans: body.rejected, errorMessage: body.reasons.join('; ') } : null,
      };
    },
  );
}
