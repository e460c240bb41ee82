import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_MIN, ROLES, type Role } from '../../../contract/auth.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { settingsQueries, useCreateAccount, useUpdateAccount } from './api/settings-queries.ts';

export function PeopleSection() {
  const accounts = useQuery(settingsQueries.accounts());
  const update = useUpdateAccount();
  return (
    <section className="settings-section" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      {accounts.isError ? <p role="alert">{accounts.error.message}</p> : null}
      {update.error ? (
        <p role="alert" className="settings-error">
          {update.error.message}
        </p>
      ) : null}
      <table className="settings-table" aria-label="People">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {accounts.data?.accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.name}</td>
              <td className="bp-mono">{account.email}</td>
              <td>
                <select
                  aria-label={`Role of ${account.name}`}
                  value={account.role}
                  onChange={(event) => update.mutate({ id: account.id, role: event.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td title={new Date(account.createdAt).toISOString()}>
                {formatRelativeTime(new Date(account.createdAt).toISOString())}
                {account.source === 'proxy' ? ' · via proxy' : ''}
              </td>
              <td>
                <Button
                  size="sm"
                  variant={account.disabled ? 'primary' : 'ghost'}
                  onClick={() => update.mutate({ id: account.id, disabled: !account.disabled })}
                  aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.name}`}
                >
                  {account.disabled ? 'Enable' : 'Disable'}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddPersonForm />
    </section>
  );
}

function AddPersonForm() {
  const id = useId();
  const create = useCreateAccount();
  const [form, setForm] = useState({ name: '', email: '', role: 'annotator' as Role, password: '' });
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, {
      onSuccess: () => setForm({ name: '', email: '', role: 'annotator', password: '' }),
    });
  };
  return (
    <form className="settings-form" onSubmit={onSubmit} aria-label="Add a person">
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
        required
      />
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        className="input"
        type="email"
        value={form.email}
        onChange={(e) => set({ email: e.target.value })}
        required
      />
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={form.role} onChange={(e) => set({ role: e.target.value as Role })}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-password`}>First password</label>
      <input
        id={`${id}-password`}
        className="input"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        value={form.password}
        onChange={(e) => set({ password: e.target.value })}
        required
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Add person
      </Button>
      {create.error ? (
        <p role="alert" className="settings-error">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
