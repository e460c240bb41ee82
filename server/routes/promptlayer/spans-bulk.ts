/** POST /spans-bulk: PromptLayer's legacy span exporter. 201 with the stored spans and their requests. */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../http/errors.ts';
import { TooManySpansError } from '../../ingest/otel/otlp-traces.ts';
import { parseSpansBulk } from '../../ingest/otel/spans-bulk.ts';
import type { RouteDeps } from '../deps.ts';

export function spansBulkRoute(app: FastifyInstance, { store }: RouteDeps): void {
  app.post('/spans-bulk', async (request, reply) => {
    let items: ReturnType<typeof parseSpansBulk>;
    try {
      items = parseSpansBulk(request.body);
    } catch (error) {
      if (error instanceof TooManySpansError) throw new HttpError(413, 'too_many_spans', error.message);
      throw error;
    }
    const results = await store.ingestSpans(items);
    return reply.code(201).send({
      success: true,
      spans: results.map((r) => ({ id: r.id, span_id: r.spanId })),
      request_logs: results.flatMap((r) =>
        r.requestId === null ? [] : [{ id: r.requestId, span_id: r.spanId }],
      ),
    });
  });
}
