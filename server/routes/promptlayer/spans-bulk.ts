/** POST /spans-bulk: PromptLayer's legacy span exporter. 201 with the stored spans and their requests. */
import type { FastifyInstance } from 'fastify';
import { spansBulkResponseSchema } from '../../../contract/traces.ts';
import { HttpError } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { TooManySpansError } from '../../ingest/otel/otlp-traces.ts';
import { parseSpansBulk } from '../../ingest/otel/spans-bulk.ts';
import type { SpanIngest } from '../../store/spans.ts';
import type { RouteDeps } from '../deps.ts';

/** The route's body parser: a 422 names the field; too many spans is a 413. */
function spansBulkBody(body: unknown): SpanIngest[] {
  try {
    return parseSpansBulk(body);
  } catch (error) {
    if (error instanceof TooManySpansError) throw new HttpError(413, 'too_many_spans', error.message);
    throw error;
  }
}

export function spansBulkRoute(app: FastifyInstance, { store }: RouteDeps): void {
  route(
    app,
    'POST',
    '/spans-bulk',
    { body: spansBulkBody, status: 201, response: spansBulkResponseSchema },
    async ({ body }) => {
      const results = await store.ingestSpans(body);
      return {
        success: true as const,
        spans: results.map((r) => ({ id: r.id, span_id: r.spanId })),
        request_logs: results.flatMap((r) =>
          r.requestId === null ? [] : [{ id: r.requestId, span_id: r.spanId }],
        ),
      };
    },
  );
}
