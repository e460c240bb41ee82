import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../lib/format.ts';
import { settingsQueries } from './api/settings-queries.ts';
import { SettingsSection } from './settings-section.tsx';

/** Details as "key: value" text (never HTML). */
function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

export function AuditSection() {
  const audit = useQuery(settingsQueries.audit());
  return (
    <SettingsSection
      title="Audit log"
      intro="Sign-ins, people and key changes, deletes and exports. The latest 200; entries are never edited."
      error={audit.error}
      columns={['When', 'Who', 'What', 'Details']}
    >
      {audit.data?.entries.map((entry) => (
        <tr key={entry.id}>
          <td>{formatDateTime(new Date(entry.at).toISOString())}</td>
          <td>{entry.actor}</td>
          <td>{entry.action.replaceAll('_', ' ')}</td>
          <td className="settings-detail">{describeDetail(entry.detail)}</td>
        </tr>
      ))}
    </SettingsSection>
  );
}
