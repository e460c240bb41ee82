/**
 * Query options for traces:
 *   ['traces', traceId]                 the timeline of a trace (light spans)
 *   ['traces', traceId, 'span', spanId] one span with its attributes, events and resource
 */
import { queryOptions } from '@tanstack/react-query';
import { spanDetailSchema, traceResponseSchema } from '../../../../contract/traces.ts';
import { apiFetch } from '../../../lib/api-client.ts';

export const traceQueries = {
  all: () => ['traces'] as const,
  trace: (traceId: string) =>
    queryOptions({
      queryKey: [...traceQueries.all(), traceId] as const,
      queryFn: ({ signal }) => apiFetch(`/api/traces/${traceId}`, { schema: traceResponseSchema, signal }),
      staleTime: 10_000,
    }),
  span: (traceId: string, spanId: string) =>
    queryOptions({
      queryKey: [...traceQueries.all(), traceId, 'span', spanId] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/traces/${traceId}/spans/${spanId}`, { schema: spanDetailSchema, signal }),
      staleTime: 60_000,
    }),
};
