import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PASSWORD_MIN, ROLES, type Role } from '../../../contract/auth.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectField, TextField } from '../../components/ui/form-field.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { settingsQueries, useCreateAccount, useUpdateAccount } from './api/settings-queries.ts';
import { SettingsError, SettingsSection } from './settings-section.tsx';

export function PeopleSection() {
  const accounts = useQuery(settingsQueries.accounts());
  const update = useUpdateAccount();
  return (
    <SettingsSection
      title="People"
      error={accounts.error}
      writeError={update.error}
      columns={['Name', 'Email', 'Role', 'Since', 'Status']}
      after={<AddPersonForm />}
    >
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
    </SettingsSection>
  );
}

function AddPersonForm() {
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
      <TextField label="Name" value={form.name} onChange={(name) => set({ name })} required />
      <TextField
        label="Email"
        type="email"
        value={form.email}
        onChange={(email) => set({ email })}
        required
      />
      <SelectField label="Role" value={form.role} options={ROLES} onChange={(role) => set({ role })} />
      <TextField
        label="First password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        value={form.password}
        onChange={(password) => set({ password })}
        required
      />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Add person
      </Button>
      <SettingsError error={create.error} />
    </form>
  );
}
