import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiKeyInfo, KEY_SCOPES, type KeyScope } from '../../../contract/auth.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { settingsQueries, useCreateKey, useRevokeKey } from './api/settings-queries.ts';

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
    <section className="settings-section" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">Give each app its own ingest key. A key is shown once, when it is created.</p>
      {keys.isError ? <p role="alert">{keys.error.message}</p> : null}
      <table className="settings-table" aria-label="API keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <CreateKeyForm />
    </section>
  );
}

function CreateKeyForm() {
  const id = useId();
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
      <label htmlFor={`${id}-name`}>Key name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <label htmlFor={`${id}-scope`}>Scope</label>
      <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as KeyScope)}>
        {KEY_SCOPES.map((option) => (
          <option key={option} value={option}>
            {option}: {SCOPE_HELP[option]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-days`}>Expires after (days, optional)</label>
      <input
        id={`${id}-days`}
        className="input"
        inputMode="numeric"
        pattern="[0-9]*"
        value={days}
        onChange={(e) => setDays(e.target.value)}
      />
      <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
        Create key
      </Button>
      {create.error ? (
        <p role="alert" className="settings-error">
          {create.error.message}
        </p>
      ) : null}
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
