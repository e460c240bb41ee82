/** One non-LLM span: status and error, input/output, attributes, events, resource — all as text. */
import { useQuery } from '@tanstack/react-query';
import { SPAN_KINDS, type SpanDetail } from '../../../contract/traces.ts';
import { traceQueries } from './api/trace-queries.ts';
import { formatDurationUs } from './span-tree.ts';

const MAX_SHOWN_CHARS = 20_000;
const asText = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text.length > MAX_SHOWN_CHARS
    ? `${text.slice(0, MAX_SHOWN_CHARS)}… (${text.length} characters)`
    : text;
};

const IO_KEYS = [
  'input.value',
  'output.value',
  'function_input',
  'function_output',
  'traceloop.entity.input',
  'traceloop.entity.output',
];

function errorsOf(span: SpanDetail): string[] {
  const messages = span.events
    .filter((event) => event.name === 'exception')
    .map(
      (event) =>
        `${event.attributes['exception.type'] ?? 'exception'}: ${event.attributes['exception.message'] ?? ''}`,
    );
  if (span.statusMessage) messages.unshift(span.statusMessage);
  return messages;
}

export function SpanDetails({ traceId, spanId }: { traceId: string; spanId: string }) {
  const query = useQuery(traceQueries.span(traceId, spanId));
  if (query.isPending) return <p className="bp-muted">Loading span…</p>;
  if (query.isError) return <p role="alert">Could not load the span: {query.error.message}</p>;
  const span = query.data;
  const errors = errorsOf(span);
  const io = IO_KEYS.filter((key) => span.attributes[key] !== undefined);
  return (
    <section className="trace-span-details" aria-label={`Span ${span.name}`}>
      <p className="trace-span-title">
        <strong>{span.name || '(unnamed span)'}</strong>{' '}
        <span className="bp-muted">
          {SPAN_KINDS[span.kind] ?? 'UNSPECIFIED'} · {formatDurationUs(span.endUs - span.startUs)} ·{' '}
          {span.spanId}
          {span.scope ? ` · ${span.scope}` : ''}
        </span>
      </p>
      {errors.length > 0 ? (
        <div className="drawer-error-callout drawer-error-error" role="note" aria-label="Span error">
          {errors.map((message) => (
            <div key={message} className="bp-text">
              {message}
            </div>
          ))}
        </div>
      ) : null}
      {io.map((key) => (
        <div key={key}>
          <h4 className="trace-subtitle">{key}</h4>
          <pre className="trace-pre">{asText(span.attributes[key])}</pre>
        </div>
      ))}
      <h4 className="trace-subtitle">Attributes</h4>
      <pre className="trace-pre">{asText(span.attributes)}</pre>
      {span.events.length > 0 ? (
        <>
          <h4 className="trace-subtitle">Events</h4>
          <pre className="trace-pre">{asText(span.events)}</pre>
        </>
      ) : null}
      <h4 className="trace-subtitle">Resource</h4>
      <pre className="trace-pre">{asText(span.resource)}</pre>
    </section>
  );
}
