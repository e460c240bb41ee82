import { JsonText } from './json-text.tsx';

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Model parameters as a key/value list; nested values (e.g. Anthropic's `thinking`) as JSON. */
export function ParametersView({ parameters }: { parameters: Record<string, unknown> }) {
  const entries = Object.entries(parameters);
  if (entries.length === 0) return <p className="bp-muted">No parameters.</p>;
  return (
    <dl className="drawer-kv">
      {entries.map(([key, value]) => (
        <div key={key} className="drawer-kv-row">
          <dt className="bp-mono">{key}</dt>
          <dd>{isScalar(value) ? <code>{String(value)}</code> : <JsonText value={value} />}</dd>
        </div>
      ))}
    </dl>
  );
}
