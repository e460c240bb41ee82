import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ApiKeyInfo, KEY_SCOPES, type KeyScope } from '../../../contract/auth.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectField, TextField } from '../../components/ui/form-field.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { settingsQueries, useCreateKey, useRevokeKey } from './api/settings-queries.ts';
import { SettingsError, SettingsSection } from './settings-section.tsx';

const SCOPE_HELP: Record<KeyScope, string> = {
  ingest: 'for apps: log, track, traces, prompt templates; cannot read requests back',
  read: 'read requests and export',
  annotate: 'read, and write scores, tags and metadata',
  admin: 'everything, including people, keys and deletes',
};

const when = (ms: number | null) => (ms === null ? '—' : formatRelativeTime(new Date(ms).toISOString()));

function keyStatus(key: ApiKeyInfo): string {
  if (key.revokedAt !== null) return `revoked ${when(key.revokedAt)}`;
  if (key.expiresAt !== null && key.expiresAt <= Date.now()) return 'expired';
  return key.expiresAt === null ? 'active' : `active, expires ${when(key.expiresAt)}`;
}

export function KeysSection() {
  const keys = useQuery(settingsQueries.keys());
  const revoke = useRevokeKey();
  return (
    <SettingsSection
      title="API keys"
      intro="Give each app its own ingest key. A key is shown once, when it is created."
      error={keys.error}
      columns={['Name', 'Scope', 'Key', 'Created', 'Last used', 'Status']}
      after={<CreateKeyForm />}
    >
      {keys.data?.keys.map((key) => (
        <tr key={key.id}>
          <td>{key.name}</td>
          <td>{key.scope}</td>
          <td className="bp-mono">{key.prefix}…</td>
          <td>
            {when(key.createdAt)} by {key.createdBy}
          </td>
          <td>{when(key.lastUsedAt)}</td>
          <td>
            {keyStatus(key)}{' '}
            {key.revokedAt === null ? (
              <Button
                size="sm"
                variant="danger"
                onClick={() => revoke.mutate(key.id)}
                aria-label={`Revoke ${key.name}`}
              >
                Revoke
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </SettingsSection>
  );
}

function CreateKeyForm() {
  const create = useCreateKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('ingest');
  const [days, setDays] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = days.trim() ? Date.now() + Number(days) * 86_400_000 : null;
    create.mutate({ name, scope, expiresAt }, { onSuccess: () => setName('') });
  };
  return (
    <form className="settings-form" onSubmit={onSubmit} aria-label="Create a key">
      <TextField label="Key name" value={name} onChange={setName} required />
      <SelectField
        label="Scope"
        value={scope}
        options={KEY_SCOPES}
        onChange={setScope}
        optionLabel={(option) => `${option}: ${SCOPE_HELP[option]}`}
      />
      <TextField
        label="Expires after (days, optional)"
        inputMode="numeric"
        pattern="[0-9]*"
        value={days}
        onChange={setDays}
      />
      <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
        Create key
      </Button>
      <SettingsError error={create.error} />
      {create.data ? (
        <div className="settings-new-key" role="status">
          <p>
            New {create.data.scope} key “{create.data.name}”. Copy it now: it will not be shown again.
          </p>
          <input
            className="input bp-mono"
            readOnly
            aria-label="New key"
            value={create.data.key}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
    </form>
  );
}
