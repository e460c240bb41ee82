import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../lib/format.ts';
import { settingsQueries } from './api/settings-queries.ts';

/** Details as "key: value" text (never HTML). */
function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

export function AuditSection() {
  const audit = useQuery(settingsQueries.audit());
  return (
    <section className="settings-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">
        Sign-ins, people and key changes, deletes and exports. The latest 200; entries are never edited.
      </p>
      {audit.isError ? <p role="alert">{audit.error.message}</p> : null}
      <table className="settings-table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {audit.data?.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(new Date(entry.at).toISOString())}</td>
              <td>{entry.actor}</td>
              <td>{entry.action.replaceAll('_', ' ')}</td>
              <td className="settings-detail">{describeDetail(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
